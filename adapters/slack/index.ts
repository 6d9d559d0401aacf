export { slackAdapter, startSlack, type RunningSlack, type SlackAdapterOptions } from './adapter.js';
export { renderMessage, renderModal, formValues, STATUS_EMOJI } from './render.js';
export { SLACK_EVENTS_PATH } from './receiver.js';
