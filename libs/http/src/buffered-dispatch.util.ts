import { type IncomingHttpHeaders } from 'node:http';
import { type Dispatcher } from 'undici';
import { flattenHeaders } from './layer-request.util.js';
import { type ResponseHeaders } from './upstream.exception.js';

/** A whole answer, read into memory. */
export interface BufferedResponse {
  status: number;
  headers: ResponseHeaders;
  text: string;
}

/**
 * Sends one request and reads the whole answer as text. Layer answers are small JSON documents, so
 * the body is gathered straight from undici's handler callbacks rather than through the Readable
 * stream (and async resource) that `request()` builds for each call. Transport failures and undici's
 * own timeouts reject with undici's error, as `request()` does.
 */
export function bufferedDispatch(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
): Promise<BufferedResponse> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let headers: ResponseHeaders = {};
    const chunks: Buffer[] = [];
    dispatcher.dispatch(options, {
      // Present so undici treats this as a handler of its current callback API.
      onRequestStart() {},
      onResponseStart(_controller, statusCode: number, responseHeaders: IncomingHttpHeaders) {
        status = statusCode;
        headers = flattenHeaders(responseHeaders);
      },
      onResponseData(_controller, chunk: Buffer) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        resolve({ status, headers, text: body.toString('utf8') });
      },
      onResponseError(_controller, error: Error) {
        reject(error);
      },
    });
  });
}
