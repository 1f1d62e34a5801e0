import { readFileSync } from 'node:fs';

/** The parts of an OpenAPI 3 document these tests read. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  additionalProperties?: boolean | SchemaObject;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
}
export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}
export interface OperationObject {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: ParameterObject[];
  requestBody?: {
    content?: Record<string, { schema?: SchemaObject; examples?: Record<string, { value?: unknown }> }>;
  };
  responses: Record<string, unknown>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas?: Record<string, SchemaObject>; securitySchemes?: Record<string, unknown> };
}
export interface Operation {
  method: string;
  /** As the document writes it, e.g. `/v1/customers/{id}`. */
  path: string;
  spec: OperationObject;
  label: string;
}

/** The committed document of an app (`openapi/<app>.json`), so a new route is covered without edits here. */
export function loadOpenApi(app: string): OpenApiDocument {
  const file = new URL(`../../../openapi/${app}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, spec]) => ({
      method: method.toUpperCase(),
      path,
      spec,
      label: `${method.toUpperCase()} ${path}`,
    })),
  );
}

export function parametersOf(operation: Operation, location: ParameterObject['in']): ParameterObject[] {
  return (operation.spec.parameters ?? []).filter((parameter) => parameter.in === location);
}

/** Whether the document says the operation needs no credentials (`security: []`). */
export function isPublic(operation: Operation): boolean {
  return Array.isArray(operation.spec.security) && operation.spec.security.length === 0;
}

/** The path with every `{param}` replaced, percent-encoded. */
export function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(value(name)));
}

/** A schema with its `$ref` (and a single-entry `allOf` around one) followed. */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolveSchema(document, target);
  }
  if (schema.allOf?.length === 1 && schema.allOf[0]) return resolveSchema(document, schema.allOf[0]);
  return schema;
}

export function bodySchemaOf(document: OpenApiDocument, operation: Operation): SchemaObject | undefined {
  const schema = operation.spec.requestBody?.content?.['application/json']?.schema;
  return schema ? resolveSchema(document, schema) : undefined;
}

/** The first documented example of the request body, if the operation documents one. */
export function exampleBodyOf(operation: Operation): unknown {
  const examples = operation.spec.requestBody?.content?.['application/json']?.examples ?? {};
  return Object.values(examples)[0]?.value;
}
