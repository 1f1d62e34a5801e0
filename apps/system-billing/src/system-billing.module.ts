import { Module } from '@nestjs/common';
import { type AppDefinition, vendorReachability } from '@concord/platform';
import { StripeClient } from './adapters/stripe/stripe.client.js';
import { StripeCustomerFeed } from './adapters/stripe/stripe-customer-feed.service.js';
import { StripeCustomersService } from './adapters/stripe/stripe-customers.service.js';
import { StripeInvoicesService } from './adapters/stripe/stripe-invoices.service.js';
import { StripePricesService } from './adapters/stripe/stripe-prices.service.js';
import { StripeProductsService } from './adapters/stripe/stripe-products.service.js';
import { StripeSubscriptionsService } from './adapters/stripe/stripe-subscriptions.service.js';
import { StripeWebhookVerifier } from './adapters/stripe/stripe-webhook.service.js';
import { BillingCustomers } from './customers/billing-customers.port.js';
import { CustomerXrefRepository } from './customers/customer-xref.repository.js';
import { CustomersController } from './customers/customers.controller.js';
import { GetCustomerUseCase } from './customers/get-customer.usecase.js';
import { ListCustomerChangesUseCase } from './customers/list-customer-changes.usecase.js';
import { UpsertCustomerBatchUseCase } from './customers/upsert-customer-batch.usecase.js';
import { UpsertCustomerUseCase } from './customers/upsert-customer.usecase.js';
import { BillingProducts } from './products/billing-products.port.js';
import { DeactivateProductUseCase } from './products/deactivate-product.usecase.js';
import { GetProductUseCase } from './products/get-product.usecase.js';
import { ProductsController } from './products/products.controller.js';
import { UpsertProductBatchUseCase } from './products/upsert-product-batch.usecase.js';
import { UpsertProductUseCase } from './products/upsert-product.usecase.js';
import { BillingInvoices } from './subscriptions/billing-invoices.port.js';
import { BillingSubscriptions } from './subscriptions/billing-subscriptions.port.js';
import { CancelSubscriptionUseCase } from './subscriptions/cancel-subscription.usecase.js';
import { FinalizeInvoiceUseCase } from './subscriptions/finalize-invoice.usecase.js';
import { GetSubscriptionUseCase } from './subscriptions/get-subscription.usecase.js';
import { InvoicesController } from './subscriptions/invoices.controller.js';
import { ListSubscriptionInvoicesUseCase } from './subscriptions/list-subscription-invoices.usecase.js';
import { PayInvoiceUseCase } from './subscriptions/pay-invoice.usecase.js';
import { SubscriptionPlanService } from './subscriptions/subscription-plan.service.js';
import { SubscriptionXrefRepository } from './subscriptions/subscription-xref.repository.js';
import { SubscriptionsController } from './subscriptions/subscriptions.controller.js';
import { UpsertSubscriptionUseCase } from './subscriptions/upsert-subscription.usecase.js';
import { BILLING_CONFIG, loadBillingConfig } from './system-billing.config.js';
import { BillingEventRepository } from './webhooks/billing-event.repository.js';
import { RawBodyCapture } from './webhooks/raw-body.util.js';
import { RecordBillingEventUseCase } from './webhooks/record-billing-event.usecase.js';
import { StripeWebhookController } from './webhooks/stripe-webhook.controller.js';

@Module({
  controllers: [
    CustomersController,
    ProductsController,
    SubscriptionsController,
    InvoicesController,
    StripeWebhookController,
  ],
  providers: [
    { provide: BILLING_CONFIG, useFactory: () => loadBillingConfig() },
    RawBodyCapture,
    StripeClient,
    StripeCustomerFeed,
    CustomerXrefRepository,
    { provide: BillingCustomers, useClass: StripeCustomersService },
    GetCustomerUseCase,
    UpsertCustomerUseCase,
    UpsertCustomerBatchUseCase,
    ListCustomerChangesUseCase,
    StripePricesService,
    { provide: BillingProducts, useClass: StripeProductsService },
    GetProductUseCase,
    UpsertProductUseCase,
    UpsertProductBatchUseCase,
    DeactivateProductUseCase,
    SubscriptionXrefRepository,
    { provide: BillingSubscriptions, useClass: StripeSubscriptionsService },
    { provide: BillingInvoices, useClass: StripeInvoicesService },
    SubscriptionPlanService,
    GetSubscriptionUseCase,
    UpsertSubscriptionUseCase,
    CancelSubscriptionUseCase,
    ListSubscriptionInvoicesUseCase,
    FinalizeInvoiceUseCase,
    PayInvoiceUseCase,
    StripeWebhookVerifier,
    BillingEventRepository,
    RecordBillingEventUseCase,
  ],
})
export class SystemBillingModule {}

export const SYSTEM_BILLING_APP: AppDefinition = {
  name: 'system-billing',
  imports: [SystemBillingModule],
  vendorChecks: (config) => [vendorReachability('stripe', `${config.vendors.stripeUrl}/v1/customers`)],
};
