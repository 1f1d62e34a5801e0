import {
  CURRENCIES,
  picklist,
  readOnly,
  reference,
  type SObjectDef,
  systemFields,
  text,
  typed,
} from '../sobject.types.js';

const INDUSTRIES = [
  'Agriculture',
  'Banking',
  'Communications',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Finance',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Manufacturing',
  'Media',
  'Retail',
  'Technology',
  'Transportation',
  'Other',
];

export const SYNC_STATUSES = ['Pending', 'Synced', 'Review', 'Rejected'];

const address = (prefix: string, label: string) => [
  typed(`${prefix}Street`, `${label} Street`, 'textarea', { length: 255 }),
  text(`${prefix}City`, `${label} City`, 40),
  text(`${prefix}State`, `${label} State/Province`, 80),
  text(`${prefix}PostalCode`, `${label} Zip/Postal Code`, 20),
  text(`${prefix}Country`, `${label} Country`, 80),
];

export const accountDef: SObjectDef = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: '001',
  fields: [
    ...systemFields(true),
    text('Name', 'Account Name', 255, { required: true }),
    text('AccountNumber', 'Account Number', 40),
    picklist('Type', 'Account Type', ['Prospect', 'Customer', 'Partner', 'Other']),
    picklist('Industry', 'Industry', INDUSTRIES),
    reference('ParentId', 'Parent Account ID', 'Account'),
    ...address('Billing', 'Billing'),
    ...address('Shipping', 'Shipping'),
    typed('Phone', 'Account Phone', 'phone'),
    typed('Website', 'Website', 'url'),
    typed('Description', 'Account Description', 'textarea'),
    typed('NumberOfEmployees', 'Employees', 'int', { precision: 8 }),
    typed('AnnualRevenue', 'Annual Revenue', 'currency'),
    picklist('CurrencyIsoCode', 'Account Currency', CURRENCIES, { defaultValue: 'USD' }),
    text('Concord_Id__c', 'Concord ID', 36, { externalId: true, unique: true }),
    text('Tax_Id__c', 'Tax ID', 32),
    text('ERP_Customer_Number__c', 'ERP Customer Number', 20, { externalId: true }),
    text('Billing_Customer_Id__c', 'Billing Customer ID', 255),
    picklist('Concord_Sync_Status__c', 'Concord Sync Status', SYNC_STATUSES),
    text('Concord_Sync_Message__c', 'Concord Sync Message', 255),
  ],
};

export const contactDef: SObjectDef = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: '003',
  fields: [
    ...systemFields(true),
    reference('AccountId', 'Account ID', 'Account', { cascadeDelete: true }),
    picklist('Salutation', 'Salutation', ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
    text('FirstName', 'First Name', 40),
    text('LastName', 'Last Name', 80, { required: true }),
    text('Name', 'Full Name', 121, { ...readOnly, calculated: true }),
    text('Title', 'Title', 128),
    typed('Email', 'Email', 'email'),
    typed('Phone', 'Business Phone', 'phone'),
    typed('MobilePhone', 'Mobile Phone', 'phone'),
    ...address('Mailing', 'Mailing'),
    picklist('CurrencyIsoCode', 'Contact Currency', CURRENCIES, { defaultValue: 'USD' }),
    text('Concord_Id__c', 'Concord ID', 36, { externalId: true, unique: true }),
  ],
  derive: (record) => {
    const first = typeof record.FirstName === 'string' ? record.FirstName : '';
    record.Name = [first, record.LastName]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(' ');
  },
};
