// src/action-entry.cts
require("./lblint-bundle.cjs").action();
