// The slash command declarations, for the manifest check, Discord registration and help.
export { COMMAND_SPECS, findSpec } from './registry.js';
export { usageHint, usageLines, subcommandUsage } from './usage.js';
