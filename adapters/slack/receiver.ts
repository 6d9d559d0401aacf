import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPResponseAck, isRawBodyError, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Router } from '../../src/commands/adapter.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Slash commands and interaction payloads are small; a modal with a pasted UserSig stays far below this. */
const BODY_LIMIT = 256 * 1024;

export interface RouterReceiverOptions {
  router: Router;
  signingSecret: string;
  logger: BoltLogger;
  path?: string;
  /** Called when a listener has not acknowledged in time (Bolt's default is 3001 ms). */
  onUnacked?: () => void;
}

/**
 * A Bolt receiver that lives on imops' own HTTP server: it registers `POST /slack/events` on the shared Router
 * instead of opening a port, and verifies, parses and acknowledges exactly as Bolt's HTTPReceiver does
 * (signature and 5-minute timestamp window -> 401, ssl_check, url_verification, ack in the HTTP response).
 */
export class RouterReceiver implements Receiver {
  private app: App | undefined;
  /** Until start(): a Slack app whose token check failed never answers as if it were running. */
  private stopped = true;

  constructor(private readonly options: RouterReceiverOptions) {
    options.router.add('POST', options.path ?? SLACK_EVENTS_PATH, (req, res) => this.handle(req, res));
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    this.stopped = false;
  }

  async stop(): Promise<void> {
    // The Router cannot forget a route; a stopped receiver answers 503 so Slack retries elsewhere.
    this.stopped = true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const logger = this.options.logger;
    if (this.stopped || !this.app) {
      HTTPModuleFunctions.buildNoBodyResponse(res, 503);
      return;
    }
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: this.options.signingSecret, bodyLimit: BODY_LIMIT }, req);
    } catch (err) {
      if (isRawBodyError(err) && (err.type === 'entity.too.large' || err.statusCode === 413)) {
        logger.warn(`Slack request body over ${BODY_LIMIT} bytes refused`);
        HTTPModuleFunctions.buildNoBodyResponse(res, 413);
        return;
      }
      logger.warn(`Slack request refused: ${(err as Error).message}`);
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered) as Record<string, unknown>;
    } catch (err) {
      logger.warn(`Malformed Slack request body: ${(err as Error).message}`);
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return;
    }
    if (body.ssl_check === '1') {
      HTTPModuleFunctions.buildSSLCheckResponse(res);
      return;
    }
    if (body.type === 'url_verification') {
      HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
      return;
    }
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
      unhandledRequestHandler: ({ response }) => {
        logger.error('A Slack request was not acknowledged within 3 seconds');
        this.options.onUnacked?.();
        if (!response.headersSent) HTTPModuleFunctions.buildNoBodyResponse(response, 404);
      },
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
    };
    try {
      await this.app.processEvent(event);
    } catch (err) {
      logger.error(`Slack event processing failed: ${(err as Error).message}`);
      if (!res.headersSent) {
        ack.ack();
        HTTPModuleFunctions.buildNoBodyResponse(res, 500);
      }
    }
  }
}
