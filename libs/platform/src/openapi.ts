import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@concord/contracts';
import { type AppDescriptor } from './app-catalog.js';
import { documentDeprecations } from './deprecation/deprecation.openapi.js';

/** The app's OpenAPI document: every route, its auth scheme and the shared error envelope. */
export function buildOpenApiDocument(app: INestApplication, descriptor: AppDescriptor): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(descriptor.title)
    .setDescription(
      `${descriptor.description} Errors use the envelope \`ErrorEnvelopeDto\`; every answer carries \`x-correlation-id\`.`,
    )
    .setVersion('1.0.0')
    .addServer(`http://127.0.0.1:${descriptor.port}`);
  // Experience apps take API keys; the layers below take service tokens. Shared routes name both.
  builder.addBearerAuth(
    { type: 'http', scheme: 'bearer', description: 'Partner or operator API key (experience apps)' },
    'apiKey',
  );
  builder.addBearerAuth(
    {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Service token of the layer above (process and system apps)',
    },
    'serviceToken',
  );
  return documentDeprecations(
    SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorEnvelopeDto] }),
  );
}

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
}
