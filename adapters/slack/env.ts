/** Which env vars Slack still needs. Kept apart from the adapter so checking it does not load Bolt. */
export function slackMissing(env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if (!env.SLACK_BOT_TOKEN) missing.push('SLACK_BOT_TOKEN');
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) missing.push('SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)');
  return missing;
}

export const SLACK = {
  name: 'slack',
  label: 'Slack',
  setupHint: 'create the Slack app from manifest.yml; without Socket Mode, Slack calls POST /slack/events here',
  missing: slackMissing,
} as const;
