// The shape of the engine's handler map: one function per contract channel, given a validated request.
import type { Channel, ParsedRequest, Response } from '../../../shared/api/contract';
import type { EngineContext } from '../context';

export type Handler<C extends Channel> = (request: ParsedRequest<C>, ctx: EngineContext) => Response<C> | Promise<Response<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** A failure the user should read as is (not an internal error). */
export class UserFacingError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_request' | 'import_failed' | 'cancelled' | 'bad_filter',
    message: string,
  ) {
    super(message);
  }
}
