import type { Args, CommandSpec, Invocation, OptionSpec, ParseProblem } from './types.js';

/** Split on whitespace; "double quotes" (straight or the curly ones Slack's editor types) keep spaces in a UserID. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push(m[1] ?? m[2] ?? '');
  return tokens;
}

/**
 * Bind positional tokens to a command's options. An app name found after the required positions is the app
 * wherever it sits (`gen alice prod` and `gen alice 30d prod` both work); a `rest` option takes what is left.
 */
export function bindOptions(options: OptionSpec[], tokens: string[], appNames: readonly string[]): { args: Args; problem?: ParseProblem } {
  const args: Args = {};
  const rest = [...tokens];
  const appOpt = options.find((o) => o.name === 'app');
  const positional = options.filter((o) => o !== appOpt);
  if (appOpt) {
    // A secret may be left out (a form asks for it), so `verify alice prod` names the app.
    const firstAppIndex = positional.filter((o) => o.required && !o.secret).length;
    for (let i = rest.length - 1; i >= firstAppIndex; i--) {
      if (appNames.includes(rest[i]!)) {
        args.app = rest.splice(i, 1)[0];
        break;
      }
    }
  }
  for (const o of positional) {
    if (rest.length === 0) break;
    if (o.rest) {
      args[o.name] = rest.splice(0).join(' ');
    } else {
      args[o.name] = rest.shift();
    }
  }
  if (appOpt && args.app === undefined && rest.length > 0) args.app = rest.shift();
  if (rest.length > 0) return { args, problem: { kind: 'unexpected', values: rest.map(quote) } };
  const missing = positional.filter((o) => o.required && !o.secret && args[o.name] === undefined);
  if (missing.length > 0) return { args, problem: { kind: 'missing', names: missing.map((o) => `<${o.name}>`) } };
  return { args };
}

function quote(s: string): string {
  return s.length > 40 ? `"${s.slice(0, 12)}…"` : `"${s}"`;
}

/** Free text after the command name (Slack), as an invocation; never throws (problems go into `problem`). */
export function parseCommandText(spec: CommandSpec, text: string, appNames: readonly string[]): Invocation {
  const tokens = tokenize(text);
  const base = { command: spec.name, args: {} as Args };
  if (tokens.length === 0) return { ...base, empty: true };
  if (spec.subcommands) {
    const name = tokens[0]!.toLowerCase();
    const sub = spec.subcommands.find((s) => s.name === name);
    if (!sub) return { ...base, empty: false, problem: { kind: 'unknown_subcommand', value: quote(tokens[0]!) } };
    const bound = bindOptions(sub.options, tokens.slice(1), appNames);
    return { ...base, subcommand: sub.name, args: bound.args, empty: false, ...(bound.problem && { problem: bound.problem }) };
  }
  const bound = bindOptions(spec.options ?? [], tokens, appNames);
  return { ...base, args: bound.args, empty: false, ...(bound.problem && { problem: bound.problem }) };
}
