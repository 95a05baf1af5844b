// Starts `policylint lsp` for plain-text and Markdown documents.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function settings() {
  const config = vscode.workspace.getConfiguration('policylint');
  return {
    path: config.get<string>('path') || 'policylint',
    configPath: config.get<string>('configPath') || undefined,
    documentationUrl: config.get<string>('documentationUrl') || undefined,
  };
}

function createClient(): LanguageClient {
  const { path, configPath, documentationUrl } = settings();
  const serverOptions: ServerOptions = { command: path, args: ['lsp'], transport: TransportKind.stdio };
  const languages = ['plaintext', 'markdown'];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: { configPath, documentationUrl },
    synchronize: {
      // The server re-reads policylint.toml when it changes, and `policylint.*` settings.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/policylint.toml'),
      configurationSection: 'policylint',
    },
  };
  return new LanguageClient('policylint', 'policylint', serverOptions, clientOptions);
}

async function restart(): Promise<void> {
  if (client) {
    await client.stop();
  }
  client = createClient();
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('policylint.restart', restart),
    // A new executable needs a new process; other settings reach the running server.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policylint.path')) {
        void restart();
      }
    }),
  );
  await restart();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
