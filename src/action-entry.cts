// The GitHub Action's entry (action.yml: `runs.main: dist/action.cjs`): the runner runs it with its
// own Node.js 24; everything is in the bundle next to it, so no npm runs.
(require('./lblint-bundle.cjs') as { action(): void }).action();
