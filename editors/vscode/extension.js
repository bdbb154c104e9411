// The whole extension: start `lblint lsp` for Terraform and OpenTofu files and let
// vscode-languageclient speak the protocol. Diagnostics, related locations, rule links and the
// quick fixes all come from the server.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const configured = vscode.workspace.getConfiguration('lblint').get('path', 'lblint');
  // A .cjs/.js path is run with VS Code's own Node; anything else is a command on PATH.
  const server = /\.c?js$/.test(configured)
    ? { command: process.execPath, args: [configured, 'lsp'], options: { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, transport: TransportKind.stdio }
    : { command: configured, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('lblint', 'lblint', server, {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.{tf,tofu,tfvars}' },
      { scheme: 'file', pattern: '**/*.{tf,tofu,tfvars}.json' },
    ],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
