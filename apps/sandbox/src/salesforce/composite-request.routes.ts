import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { SUBREQUEST_HEADER, SUBREQUEST_TOKEN } from '../shared/subrequest.util.js';
import { parseApiVersion } from './api-version.util.js';
import { SalesforceError } from './salesforce.errors.js';
import { type SalesforceSandbox } from './salesforce.state.js';

/** Salesforce's composite limits: 25 subrequests, of which at most 5 are queries or sObject collections. */
const MAX_SUBREQUESTS = 25;
const MAX_QUERIES_AND_COLLECTIONS = 5;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);
/** `.field` or `[index]`, one step of a reference's path. */
const PATH_STEP = /\.[A-Za-z0-9_]+|\[\d+\]/g;
const REFERENCE_SOURCE = `@\\{([A-Za-z0-9_]+)((?:${PATH_STEP.source})*)\\}`;
const REFERENCE = new RegExp(REFERENCE_SOURCE, 'g');
const WHOLE_REFERENCE = new RegExp(`^${REFERENCE_SOURCE}$`);

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

interface SubresponseBody {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const halted = (message: string) => [{ errorCode: 'PROCESSING_HALTED', message }];
const ROLLED_BACK = 'The transaction was rolled back since another operation in the same transaction failed.';

function parseBody(body: unknown): { allOrNone: boolean; subrequests: Subrequest[] } {
  const raw = body as { allOrNone?: unknown; compositeRequest?: unknown } | null | undefined;
  if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.compositeRequest)) {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      'The request body must have a compositeRequest array',
    );
  }
  if (raw.compositeRequest.length === 0 || raw.compositeRequest.length > MAX_SUBREQUESTS) {
    throw new SalesforceError(
      400,
      'INVALID_INPUT',
      `A composite request takes 1 to ${MAX_SUBREQUESTS} subrequests, got ${raw.compositeRequest.length}`,
    );
  }
  const seen = new Set<string>();
  const subrequests = raw.compositeRequest.map((entry: unknown, index): Subrequest => {
    const item = entry as Partial<Subrequest> | null;
    const at = `compositeRequest[${index}]`;
    if (typeof item !== 'object' || item === null) {
      throw new SalesforceError(400, 'JSON_PARSER_ERROR', `${at} must be an object`);
    }
    if (typeof item.method !== 'string' || !METHODS.has(item.method.toUpperCase())) {
      throw new SalesforceError(
        400,
        'INVALID_INPUT',
        `${at}.method must be one of ${[...METHODS].join(', ')}`,
      );
    }
    if (typeof item.url !== 'string' || !item.url.startsWith('/services/data/')) {
      throw new SalesforceError(400, 'INVALID_INPUT', `${at}.url must start with /services/data/`);
    }
    if (/\/composite\/?(\?|$)/.test(item.url)) {
      throw new SalesforceError(400, 'INVALID_INPUT', `${at}: a composite request cannot contain another`);
    }
    if (typeof item.referenceId !== 'string' || !/^[A-Za-z0-9_]+$/.test(item.referenceId)) {
      throw new SalesforceError(400, 'INVALID_INPUT', `${at}.referenceId must be alphanumeric`);
    }
    if (seen.has(item.referenceId)) {
      throw new SalesforceError(400, 'INVALID_INPUT', `Duplicate referenceId ${item.referenceId}`);
    }
    seen.add(item.referenceId);
    return {
      method: item.method.toUpperCase(),
      url: item.url,
      referenceId: item.referenceId,
      ...(item.body === undefined ? {} : { body: item.body }),
      ...(item.httpHeaders ? { httpHeaders: item.httpHeaders } : {}),
    };
  });
  const heavy = subrequests.filter((sub) => /\/(query|queryAll)\/?\?|\/composite\/sobjects/.test(sub.url));
  if (heavy.length > MAX_QUERIES_AND_COLLECTIONS) {
    throw new SalesforceError(
      400,
      'INVALID_INPUT',
      `At most ${MAX_QUERIES_AND_COLLECTIONS} subrequests may be queries or sObject collections`,
    );
  }
  return { allOrNone: raw.allOrNone === true, subrequests };
}

/** The value at `.field` / `[index]` steps below a subrequest's answer, or undefined. */
function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const step of path.match(PATH_STEP) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

class UnresolvedReference extends Error {}

/** Replaces `@{ref.path}` in strings (a whole-string reference keeps the value's type). */
function resolve(value: unknown, answers: Map<string, SubresponseBody>): unknown {
  if (typeof value === 'string') {
    const lookup = (ref: string, path: string): unknown => {
      const answer = answers.get(ref);
      const found = answer && answer.httpStatusCode < 400 ? valueAt(answer.body, path) : undefined;
      if (found === undefined) {
        throw new UnresolvedReference(
          `Invalid reference specified. No value for ${ref}${path} found in ${ref}.`,
        );
      }
      return found;
    };
    const whole = WHOLE_REFERENCE.exec(value);
    if (whole) return lookup(whole[1]!, whole[2] ?? '');
    return value.replace(REFERENCE, (_match, ref: string, path: string) => String(lookup(ref, path)));
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, answers));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, answers)]));
  }
  return value;
}

/**
 * `POST /services/data/vXX.X/composite`: up to 25 subrequests run in order as one API call, each able
 * to use earlier answers through `@{referenceId.path}`. With `allOrNone` a failed subrequest rolls
 * every change back and the others answer PROCESSING_HALTED; without it only the subrequests that
 * reference a failed one are halted.
 */
export function registerCompositeRequestRoutes(app: FastifyInstance, sandbox: SalesforceSandbox): void {
  app.post<{ Params: { version: string } }>('/services/data/:version/composite', async (request) => {
    parseApiVersion(request.params.version);
    const { allOrNone, subrequests } = parseBody(request.body);
    const snapshot = allOrNone ? sandbox.store.snapshot() : undefined;
    const answers = new Map<string, SubresponseBody>();
    const responses: SubresponseBody[] = [];
    let failed = false;
    for (const sub of subrequests) {
      if (failed && allOrNone) {
        responses.push(haltedAnswer(sub.referenceId, ROLLED_BACK));
        continue;
      }
      let answer: SubresponseBody;
      try {
        const url = resolve(sub.url, answers) as string;
        const body = sub.body === undefined ? undefined : resolve(sub.body, answers);
        answer = await runSubrequest(app, request, sub, url, body);
      } catch (error) {
        if (!(error instanceof UnresolvedReference)) throw error;
        answer = haltedAnswer(sub.referenceId, error.message);
      }
      if (answer.httpStatusCode >= 400) failed = true;
      answers.set(sub.referenceId, answer);
      responses.push(answer);
    }
    if (snapshot && failed) {
      sandbox.store.restore(snapshot);
      return {
        compositeResponse: responses.map((answer) =>
          answer.httpStatusCode < 400 ? haltedAnswer(answer.referenceId, ROLLED_BACK) : answer,
        ),
      };
    }
    return { compositeResponse: responses };
  });
}

function haltedAnswer(referenceId: string, message: string): SubresponseBody {
  return { body: halted(message), httpHeaders: {}, httpStatusCode: 400, referenceId };
}

async function runSubrequest(
  app: FastifyInstance,
  outer: FastifyRequest,
  sub: Subrequest,
  url: string,
  body: unknown,
): Promise<SubresponseBody> {
  const response = await app.inject({
    method: sub.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url,
    headers: {
      ...(sub.httpHeaders ?? {}),
      ...(outer.headers.authorization ? { authorization: outer.headers.authorization } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      [SUBREQUEST_HEADER]: SUBREQUEST_TOKEN,
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  const location = response.headers.location;
  return {
    body: response.body === '' ? null : (JSON.parse(response.body) as unknown),
    httpHeaders: typeof location === 'string' ? { Location: location } : {},
    httpStatusCode: response.statusCode,
    referenceId: sub.referenceId,
  };
}
