// Shared types of the pipeline: load → eval → model → rules → report.
// Every layer imports from here; nothing here does work.

/** 1-based line and column; columns count UTF-16 code units (SARIF `utf16CodeUnits`). */
export interface Position {
  line: number;
  column: number;
}

/** A source range. `file` is relative to the current working directory, with `/`. `end` is exclusive (column after the last character). */
export interface Range {
  file: string;
  start: Position;
  end: Position;
}

// ---------------------------------------------------------------- load

export type SourceKind = 'tf' | 'tf.json' | 'tfvars' | 'tfvars.json';

/** An attribute `name = expr` as written in the source. */
export interface AttributeNode {
  name: string;
  /** From the first character of the name to the end of the expression. */
  range: Range;
  nameRange: Range;
  /** The expression only. */
  valueRange: Range;
  /** Source text of the expression exactly as written (for a .tf.json file: the JSON text of the value). */
  exprText: string;
}

/** A block `type "label" … { … }` as written in the source. */
export interface BlockNode {
  type: string;
  labels: string[];
  /** From the block type to the closing brace, inclusive. */
  range: Range;
  /** From the block type to the end of the last label (what a finding about a missing attribute points at). */
  headerRange: Range;
  attributes: Record<string, AttributeNode>;
  /** Nested blocks in source order (several blocks may share a type). */
  blocks: BlockNode[];
}

/** `# lblint-ignore rule-a, rule-b -- reason until=2026-12-31` (also `//`). */
export interface IgnoreDirective {
  /** Range of the comment itself. */
  range: Range;
  /** The line of the block or attribute it covers: its own line when code precedes the comment there, else the first non-blank, non-comment line after it. */
  targetLine: number;
  rules: string[];
  reason?: string;
  /** YYYY-MM-DD, if given. */
  until?: string;
  /** Problems with the directive itself (no reason, bad date, …). */
  problems: string[];
  /**
   * The block or attribute the directive covers, resolved where the file's blocks were: set on
   * the files a root worker sends back (without their blocks), else found from `ParsedFile.blocks`.
   */
  covers?: Range;
}

export interface ParsedFile {
  /** Relative to cwd, with `/`. */
  path: string;
  /** Folder of the file, relative to cwd with `/` ('.' for the cwd). */
  dir: string;
  kind: SourceKind;
  text: string;
  /** The hcl2json output (for .tf.json: JSON.parse output; for .tfvars: an object of attributes). */
  json: Record<string, unknown>;
  /**
   * Top-level blocks (empty for tfvars). In a `.tf` file without `lblint-ignore` comments, the
   * blocks src/load did not parse (other providers' resources nothing refers to) have their ranges
   * but no attributes or nested blocks.
   */
  blocks: BlockNode[];
  /** Top-level attributes (tfvars files). */
  attributes: Record<string, AttributeNode>;
  ignores: IgnoreDirective[];
}

export interface LoadError {
  /** Relative path with `/`, when the error is about a file. */
  file?: string;
  range?: Range;
  message: string;
}

export interface LoadResult {
  files: ParsedFile[];
  errors: LoadError[];
  /** Registry and git modules recorded by `terraform init` (`.terraform/modules/modules.json` of each root). */
  manifest?: ModuleManifestEntry[];
  /** What each module call loaded (eval's only source of module folders). */
  modules?: ModuleCallTable;
}

/** Whether a module `source` names a folder on disk (`./x`, `../x`), not the registry or a git URL. */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source.startsWith('.\\') || source.startsWith('..\\');
}

/**
 * The folder each module call loaded, as `load` resolved it (src/load/module-calls.ts): eval looks
 * calls up here and never resolves a `source` itself. Folders are named as their files are
 * (relative to cwd, with `/`).
 */
export interface ModuleCallTable {
  /** Local sources (`./x`, `../x`): caller folder → `source` as written → its folder, and whether it was loaded (if not, the load reported why). */
  local: ReadonlyMap<string, ReadonlyMap<string, { dir: string; loaded: boolean }>>;
  /** Modules `terraform init` fetched: root folder → manifest key (`a.b`) → folder. */
  fetched: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** One entry of `.terraform/modules/modules.json`: a module `terraform init` fetched. */
export interface ModuleManifestEntry {
  /** Root folder whose manifest lists it (relative to cwd, with `/`). */
  root: string;
  /** Call names from the root joined by `.`: `lb`, `lb.listeners`. */
  key: string;
  source: string;
  /** Folder of the module's files, relative to cwd with `/`. */
  dir: string;
}

/** One resource instance of `terraform show -json` output (planned_values, or prior_state for data sources). */
export interface PlannedResource {
  /** `module.a["k"].huaweicloud_lb_member.m[0]`. */
  address: string;
  /** `module.a["k"]`, '' at the root. */
  moduleAddress: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key?: number | string;
  /** Known planned values, as JSON. */
  values: Record<string, unknown>;
  /** `after_unknown` mask: `true` where the value is known only after apply. */
  unknown: unknown;
  /** `sensitive_values` / `after_sensitive` mask: `true` where the value is sensitive. */
  sensitive: unknown;
  /** Where the resource appears in the plan file (when no `.tf` source is found). */
  range: Range;
}

/** A plan read from `terraform show -json` (src/load/plan.ts). */
export interface PlanInput {
  /** Path of the plan file, relative to cwd. */
  file: string;
  formatVersion: string;
  terraformVersion?: string;
  /** Root module variables as Terraform resolved them. */
  variables: Record<string, unknown>;
  resources: PlannedResource[];
  /** Module calls from the plan's `configuration`: `module.a.module.b` (no instance keys) → source. */
  moduleSources: Record<string, string>;
  /** Resource references of each configuration expression: `module.a.T.N` (no keys) → attribute → references. */
  references: Record<string, Record<string, string[]>>;
  /** Addresses whose changes Terraform deferred (incomplete plan). */
  deferred: string[];
  /**
   * The `expressions` of each resource in the plan's `configuration` (same keys as `references`):
   * what the configuration sets. An Optional+Computed argument it leaves unset is `after_unknown`
   * in the plan but means the provider default, exactly as in `.tf` mode.
   */
  expressions?: Record<string, Record<string, unknown>>;
}

// ---------------------------------------------------------------- eval

/**
 * A value the configuration does not determine. `reason` says why ("var.cidr has no value",
 * "function file() is not evaluated"). When the value is an attribute of a resource that the
 * configuration does not set (an id, a computed IP), `ref` names it, so the model can still
 * link resources by identity: `huaweicloud_elb_pool.web.id` → {address: 'huaweicloud_elb_pool.web', path: ['id']}.
 */
export class Unknown {
  /**
   * The address of the thing whose value is not known, as Terraform names it: `var.region`,
   * `module.m.var.x`, `local.x`, `huaweicloud_vpc_subnet.a.ipv4_subnet_id`, `module.m.out`,
   * `huaweicloud_lb_listener_v3.web.protocol` (not set). Read it with `originAddressOf`, which
   * follows `cause`.
   */
  readonly originAddress?: string;
  /** The Unknown this one restates or wraps (`count of X is unknown: <cause>`); its origin is the deeper one. */
  readonly cause?: Unknown;

  constructor(
    readonly reason: string,
    readonly origin?: Range,
    readonly ref?: { address: string; path: (string | number)[] },
    /**
     * The smallest expression that was not known, as the user wrote it, and the attribute it is
     * written in (`var.i` in `alicloud_vswitch.vswitches[var.i].id`).
     */
    readonly expression?: { text: string; range?: Range },
    source?: UnknownSource,
  ) {
    if (source?.originAddress !== undefined) this.originAddress = source.originAddress;
    if (source?.cause !== undefined) this.cause = source.cause;
  }
}

/** Where an Unknown comes from, structurally (never from its wording): its own origin address, or the Unknown it wraps. */
export interface UnknownSource {
  readonly originAddress?: string;
  readonly cause?: Unknown;
}

/** A value of `address` that is not known, for `reason`: a `--strict` note about it is fingerprinted by `address`, not by the wording. */
export function unknownAbout(address: string, reason: string, origin?: Range): Unknown {
  return new Unknown(reason, origin, undefined, undefined, { originAddress: address });
}

/** `why` restated as `reason`: the same origin, reference and expression, and `why` as its cause (so the same origin address). */
export function restate(why: Unknown, reason: string): Unknown {
  return new Unknown(reason, why.origin, why.ref, why.expression, { cause: why });
}

/**
 * The address an unknown value comes from: the innermost `originAddress` along the `cause` chain
 * (`count of X is unknown: var.n has no value` → `var.n`), or '' when nothing names one. It keys
 * the fingerprints of `--strict` notes, so that rewording a reason does not change them.
 */
export function originAddressOf(u: Unknown): string {
  let found = '';
  for (let at: Unknown | undefined = u; at !== undefined; at = at.cause) if (at.originAddress !== undefined) found = at.originAddress;
  return found;
}

/** Where the unknown value comes from in the source: the innermost `origin` along the `cause` chain (a variable's declaration). */
export function originRangeOf(u: Unknown): Range | undefined {
  let found: Range | undefined;
  for (let at: Unknown | undefined = u; at !== undefined; at = at.cause) if (at.origin !== undefined) found = at.origin;
  return found;
}

/**
 * A conditional whose condition is not known: the value is one of `choices` (each may itself be,
 * or hold, an Unknown that keeps its reference). `reason` is the condition's. A verdict that is
 * the same for every choice holds whatever the condition is.
 */
export class OneOf extends Unknown {
  constructor(
    reason: string,
    origin: Range | undefined,
    readonly choices: readonly Value[],
    expression?: { text: string; range?: Range },
    source?: UnknownSource,
  ) {
    super(reason, origin, undefined, expression, source);
  }
}

export type Value =
  | null
  | boolean
  | number
  | string
  | Unknown
  | Value[]
  | { [key: string]: Value };

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** One resource or data source instance after count/for_each expansion. */
export interface ResourceInstance {
  /** Full address: `module.a.huaweicloud_lb_member.m[0]`, `data.x.y`, `aws_x.y["k"]`. */
  address: string;
  /** Address without the instance key: `module.a.huaweicloud_lb_member.m`. */
  baseAddress: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** count index or for_each key; undefined without count/for_each. */
  key?: number | string;
  /** `module.a`, `module.b["x"]` … from the root; empty at the root. */
  modulePath: string[];
  /** The resource block in the source (for ranges). */
  block: BlockNode;
  /** Path of the file that holds the block. */
  file: string;
  /**
   * Evaluated arguments: attribute name → value; nested block type → array of evaluated
   * block objects (`dynamic` blocks expanded where the for_each is known, else Unknown).
   */
  values: { [key: string]: Value };
  /** The calling module blocks, outermost first (related locations for findings inside modules). */
  moduleCalls: BlockNode[];
}

export interface EvalDiagnostic {
  range?: Range;
  message: string;
}

/** A resource or module call not expanded because its count/for_each is not known. */
export interface SkippedResource {
  address: string;
  reason: string;
  range: Range;
  /** The unknown count/for_each itself: where its value comes from. */
  unknown?: Unknown;
}

export interface EvalResult {
  resources: ResourceInstance[];
  /** Resources that were not expanded because count/for_each is Unknown (for --verbose/--strict). */
  skipped: SkippedResource[];
  diagnostics: EvalDiagnostic[];
  /** Module calls whose files are not loaded (a missing local folder, a module `terraform init` has not fetched). */
  unloadedModules?: UnloadedModuleCall[];
  /** Folder of each loaded module call, by address without instance keys (`module.a.module.b`). */
  moduleDirs?: ReadonlyMap<string, string>;
  /** `--var` names the root module does not declare (Terraform rejects them). */
  undeclaredVars?: string[];
}

/** A module call lblint could not follow: its resources are not linted and its outputs are unknown. */
export interface UnloadedModuleCall {
  /** `module.web`, `module.a["k"].module.b`. */
  address: string;
  source: string;
  /** Local (`./`, `../`): the folder is missing; otherwise the module is not under .terraform/modules. */
  local: boolean;
  /** The `source` attribute. */
  range?: Range;
}

// ---------------------------------------------------------------- findings

/** The provider families lblint models; the one list every layer uses. */
export const PROVIDER_FAMILIES = ['huaweicloud', 'opentelekomcloud', 'flexibleengine', 'alicloud'] as const;

export type ProviderFamily = (typeof PROVIDER_FAMILIES)[number];

/** Source CIDRs of the health checks and forwarded traffic of each fixed-range family. */
/**
 * Products whose health-check source can be set apart from their family's: an Alibaba ALB that was
 * never upgraded still probes from 100.64.0.0/10 instead of its vSwitches' local addresses.
 */
export const PRODUCT_SOURCE_KEYS = ['alicloud-alb', 'alicloud-nlb'] as const;
export type ProductSourceKey = (typeof PRODUCT_SOURCE_KEYS)[number];

/** Per family, and per product where it differs (`alicloud-alb`), the CIDRs health checks come from. */
export type HealthCheckSources = Record<ProviderFamily, string[]> & Partial<Record<ProductSourceKey, string[]>>;

export type Severity = 'error' | 'warning' | 'note';

export interface RelatedLocation {
  range: Range;
  /** Terraform address of the related thing, when there is one. */
  address?: string;
  message: string;
}

export interface Fix {
  description: string;
  /** HCL to insert (a new resource or block). */
  insertText: string;
  /** Where to insert: after this range (usually the end of the resource it relates to). */
  after: Range;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Primary Terraform address. */
  address: string;
  /** Attribute at fault, for the fingerprint (empty when the block itself is at fault). */
  attribute?: string;
  /**
   * What the fingerprint hashes instead of `attribute`: a `--strict` note's `unknown:<origin address>`
   * (its `attribute` keeps `unknown:<reason>`, which fingerprints before this field hashed: see `legacyFingerprint`).
   */
  fingerprintAttribute?: string;
  range: Range;
  related: RelatedLocation[];
  /** Reachability trace, one step per line. */
  trace: string[];
  fix?: Fix;
  /** Set when an inline ignore covers the finding. */
  suppression?: { justification: string; range: Range };
  /**
   * Stable identity (SARIF `partialFingerprints`, baselines): a hash of rule id, address and
   * attribute, `:2`, `:3`… for repeats. Set by the engine; reporters compute it when absent.
   */
  fingerprint?: string;
  /** The fingerprint an older lblint gave this finding, where it differs (notes: hashed from their reason); `--baseline` matches it too. Set by the engine. */
  legacyFingerprint?: string;
  /** The load balancer(s) the finding is about, as a small graph (job-summary diagrams). Set by the engine from the model. */
  topology?: Topology[];
}

export type TopologyNodeKind = 'load-balancer' | 'listener' | 'access-control' | 'pool' | 'monitor' | 'member' | 'backend' | 'security-group' | 'network-acl';

export interface TopologyNode {
  /** Terraform address (unique within one topology). */
  id: string;
  kind: TopologyNodeKind;
  /** Short detail: "HTTP:80", "10.0.1.5:8080 weight 0", "shared". */
  detail?: string;
}

/** One load balancer's path listener → pool → members → backend → security group / ACL; `failing` marks where this finding breaks it. */
export interface Topology {
  loadBalancer: string;
  nodes: TopologyNode[];
  edges: { from: string; to: string; failing?: boolean }[];
}
