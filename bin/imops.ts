#!/usr/bin/env node
// The composition root: the only place that puts the core and the chat adapters together.
import { main } from '../src/cli.js';
import { lazyAdapter } from '../adapters/lazy.js';
import { SLACK } from '../adapters/slack/env.js';
import { DISCORD } from '../adapters/discord/env.js';
import { registerDiscordCli } from '../adapters/discord/cli.js';

const slack = lazyAdapter(SLACK, async () => (await import('../adapters/slack/index.js')).slackAdapter);
const discord = lazyAdapter(DISCORD, async () => (await import('../adapters/discord/index.js')).discordAdapter);

const code = await main(process.argv.slice(2), { adapters: [slack, discord], extend: [registerDiscordCli] });
process.exitCode = code;
