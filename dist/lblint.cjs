#!/usr/bin/env node
// \0rolldown/runtime.js
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
	if (from && typeof from === "object" || typeof from === "function") for (var keys = __getOwnPropNames(from), i = 0, n = keys.length, key; i < n; i++) {
		key = keys[i];
		if (!__hasOwnProp.call(to, key) && key !== except) __defProp(to, key, {
			get: ((k) => from[k]).bind(null, key),
			enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable
		});
	}
	return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(isNodeMode || !mod || !mod.__esModule || !__hasOwnProp.call(mod, "default") ? __defProp(target, "default", {
	value: mod,
	enumerable: true
}) : target, mod));
let node_crypto = require("node:crypto");
let node_fs = require("node:fs");
let node_module = require("node:module");
let node_os = require("node:os");
node_os = __toESM(node_os);
let node_path = require("node:path");
node_path = __toESM(node_path);
let node_vm = require("node:vm");
node_vm = __toESM(node_vm);
// src/lblint.cts
const bundle = node_path.default.join(__dirname, "lblint-bundle.cjs");
const HASH_BYTES = 20;
/** Set by the bundle (src/engine/root-pool.ts) when it changes V8 flags. */
const FLAGS_CHANGED = Symbol.for("lblint.v8FlagsChanged");
function cacheFolder(env) {
	if (env["LBLINT_CODE_CACHE_DIR"]) return env["LBLINT_CODE_CACHE_DIR"];
	if (process.platform === "win32") return node_path.default.join(env["LOCALAPPDATA"] || node_path.default.join(node_os.default.homedir(), "AppData", "Local"), "lblint");
	if (process.platform === "darwin") return node_path.default.join(node_os.default.homedir(), "Library", "Caches", "lblint");
	return node_path.default.join(env["XDG_CACHE_HOME"] || node_path.default.join(node_os.default.homedir(), ".cache"), "lblint");
}
function run() {
	const mode = process.env["LBLINT_CODE_CACHE"];
	if (mode === "off") return { exports: require(bundle) };
	const source = (0, node_fs.readFileSync)(bundle, "utf8");
	const hash = (0, node_crypto.createHash)("sha1").update(source).digest();
	const file = node_path.default.join(cacheFolder(process.env), `${hash.toString("hex")}-node${process.versions.node}-${process.arch}.code-cache`);
	let cachedData;
	try {
		const stored = (0, node_fs.readFileSync)(file);
		if (stored.subarray(0, HASH_BYTES).equals(hash)) cachedData = stored.subarray(HASH_BYTES);
	} catch {
		cachedData = void 0;
	}
	const body = source.startsWith("#!") ? `//${source.slice(2)}` : source;
	const script = new node_vm.default.Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, {
		filename: bundle,
		...cachedData ? { cachedData } : {}
	});
	const used = cachedData !== void 0 && script.cachedDataRejected !== true;
	const informational = process.argv.slice(2).some((a) => [
		"-V",
		"--version",
		"-h",
		"--help"
	].includes(a));
	process.once("exit", () => {
		if (mode === "check") process.stderr.write(`code cache: ${cachedData === void 0 ? "none" : used ? "used" : "rejected"}\n`);
		if (used || informational || globalThis[FLAGS_CHANGED] === true) return;
		try {
			(0, node_fs.mkdirSync)(node_path.default.dirname(file), { recursive: true });
			const temp = `${file}.${process.pid}.tmp`;
			(0, node_fs.writeFileSync)(temp, Buffer.concat([hash, script.createCachedData()]));
			(0, node_fs.renameSync)(temp, file);
		} catch {}
	});
	const mod = { exports: {} };
	script.runInThisContext()(mod.exports, (0, node_module.createRequire)(bundle), mod, bundle, node_path.default.dirname(bundle));
	return mod;
}
run().exports.cli();
