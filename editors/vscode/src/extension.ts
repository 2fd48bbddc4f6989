// VS Code client for the copydesk language server (`copydesk lsp`, stdio).
import * as path from "path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  DocumentFilter,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

const SECTION = "copydesk";
/** Settings whose change needs a new server process (the rest is sent live). */
const RESTART_KEYS = ["copydesk.path", "copydesk.documentSelector"];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

/**
 * The settings the server reads: `{ copydesk: { style?, rules, namesFile?, dateline?, inlayHints, codeLens } }`.
 * Only these keys are sent (as initializationOptions, with
 * workspace/didChangeConfiguration and in answer to workspace/configuration):
 * the `copydesk` section also holds client-only settings (path, trace,
 * documentSelector) that the server does not know. `style: "auto"` and an
 * empty `namesFile` or `dateline.*` are left out, so the server uses its
 * defaults (style inferred from the dateline credit, no names file, the
 * dateline place and time zone of `copydesk.toml`).
 */
function serverSettings(scope?: vscode.Uri): { copydesk: Record<string, unknown> } {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const settings: Record<string, unknown> = {
    rules: cfg.get<Record<string, string>>("rules", {}),
  };
  const style = cfg.get<string>("style", "auto");
  if (style && style !== "auto") {
    settings.style = style;
  }
  settings.inlayHints = {
    names: cfg.get<boolean>("inlayHints.names", true),
    places: cfg.get<boolean>("inlayHints.places", true),
  };
  settings.codeLens = {
    mentions: cfg.get<boolean>("codeLens.mentions", true),
    storyFacts: cfg.get<boolean>("codeLens.storyFacts", true),
  };
  const dateline: Record<string, string> = {};
  for (const key of ["place", "timezone"]) {
    const value = cfg.get<string>(`dateline.${key}`, "");
    if (value) {
      dateline[key] = value;
    }
  }
  if (Object.keys(dateline).length > 0) {
    settings.dateline = dateline;
  }
  const namesFile = cfg.get<string>("namesFile", "");
  if (namesFile) {
    settings.namesFile = namesFile;
  }
  return { copydesk: settings };
}

function firstWorkspaceFolder(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === "file" ? folder.uri.fsPath : undefined;
}

/** Expands `~` and `${workspaceFolder}`; resolves relative paths containing a separator. */
function resolvePath(p: string): string {
  const root = firstWorkspaceFolder();
  let out = p.replace(/\$\{workspaceFolder\}/g, root ?? "");
  if (out === "~" || out.startsWith("~/")) {
    out = path.join(process.env.HOME ?? "", out.slice(1));
  }
  if (!path.isAbsolute(out) && (out.includes("/") || out.includes("\\")) && root) {
    out = path.resolve(root, out);
  }
  return out;
}

function documentSelector(): DocumentFilter[] {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const raw = cfg.get<unknown[]>("documentSelector", []);
  const filters: DocumentFilter[] = [];
  for (const item of Array.isArray(raw) ? raw : []) {
    if (item && typeof item === "object") {
      const { language, scheme, pattern } = item as Record<string, unknown>;
      const f: Record<string, string> = {};
      if (typeof language === "string") f.language = language;
      if (typeof scheme === "string") f.scheme = scheme;
      if (typeof pattern === "string") f.pattern = pattern;
      if (Object.keys(f).length > 0) filters.push(f as DocumentFilter);
    }
  }
  if (filters.length === 0) {
    output.appendLine("copydesk.documentSelector is empty or invalid; using plaintext and markdown files");
    return [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
    ];
  }
  return filters;
}

function createClient(): LanguageClient {
  let c: LanguageClient | undefined;
  const command = resolvePath(
    vscode.workspace.getConfiguration(SECTION).get<string>("path", "copydesk") || "copydesk",
  );
  const run = { command, args: ["lsp"], transport: TransportKind.stdio as const };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: serverSettings(),
    synchronize: { configurationSection: SECTION },
    middleware: {
      workspace: {
        // The synchronized section would carry every copydesk.* setting; send
        // only what the server reads.
        didChangeConfiguration: async () => {
          await c?.sendNotification(DidChangeConfigurationNotification.type, { settings: serverSettings() });
        },
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return params.items.map((item, i) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            if (item.section === SECTION) {
              return serverSettings(scope).copydesk;
            }
            if (!item.section && result[i] && typeof result[i] === "object") {
              return { ...(result[i] as object), ...serverSettings(scope) };
            }
            return result[i];
          });
        },
      },
    },
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: "copydesk",
  };
  output.appendLine(`Starting ${command} lsp`);
  c = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  return c;
}

async function startClient(): Promise<void> {
  const c = createClient();
  client = c;
  try {
    await c.start();
    const info = c.initializeResult?.serverInfo;
    output.appendLine(`copydesk server running${info ? `: ${info.name} ${info.version ?? ""}` : ""}`);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    output.appendLine(`Failed to start the copydesk server: ${msg}`);
    const choice = await vscode.window.showErrorMessage(
      `copydesk: could not start the language server (${msg}). Is copydesk.path set to the copydesk binary?`,
      "Open Settings",
      "Show Output",
    );
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.path");
    } else if (choice === "Show Output") {
      output.show(true);
    }
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (err) {
      output.appendLine(`Error stopping the server: ${err instanceof Error ? err.message : String(err)}`);
    }
    await c.dispose().then(undefined, () => undefined);
  }
}

async function restart(): Promise<void> {
  output.appendLine("Restarting the copydesk server");
  await stopClient();
  await startClient();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("copydesk.restartServer", restart),
    vscode.commands.registerCommand("copydesk.showOutput", () => output.show(true)),
    // The code lens over a name's first reference (`4 mentions · 1 spelling variant`): the
    // server's `copydesk.references` command gives the mentions, VS Code shows them.
    vscode.commands.registerCommand("copydesk.showReferences", async (uri: string, position: { line: number; character: number }) => {
      const c = client;
      if (!c) {
        return;
      }
      const locations = (await c.sendRequest("workspace/executeCommand", {
        command: "copydesk.references",
        arguments: [uri, position],
      })) as unknown[];
      const converted = (locations ?? []).map((l) => c.protocol2CodeConverter.asLocation(l as never));
      await vscode.commands.executeCommand(
        "editor.action.showReferences",
        vscode.Uri.parse(uri),
        new vscode.Position(position.line, position.character),
        converted ?? [],
      );
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_KEYS.some((k) => e.affectsConfiguration(k))) {
        void restart();
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
