#!/usr/bin/env node
// The composition root: the only place that puts the core and the chat adapters together.
import { main } from '../src/cli.js';
import { slackAdapter } from '../adapters/slack/index.js';
import { discordAdapter } from '../adapters/discord/index.js';
import { registerDiscordCli } from '../adapters/discord/cli.js';

const code = await main(process.argv.slice(2), { adapters: [slackAdapter, discordAdapter], extend: [registerDiscordCli] });
process.exitCode = code;
