import { parse } from '@cdktf/hcl2json';
const cases = process.argv.slice(2);
const defaults = [
 'a = (b)\n', 'a = (5)\n', 'a = [ (b) ]\n', 'a = f((b))\n', 'a = x[*].id\n', 'a = x.*.id\n', 'a = x[*].y[0]\n',
 'a = b', 'a = "x${b}y"\n', 'a = "${b ? "x" : "y"}"\n', 'a = "p${b ? "x" : "y"}"\n', 'a = setunion(a, b)\n', 'a = "${setunion(a,b)}"\n',
 'a = "${5}"\n', 'a = -5\n', 'a = - 5\n', 'a = !true\n', 'a = -x\n', 'a = 1e3\n', 'a = 1.50\n', 'a = { "k" = 1, k2 = 2 }\n', 'a = { k = 1, k = 2 }\n',
 'a = { a.b = 1 }\n', 'a = { 1 = 2 }\n', 'a = "${ b }"\n', 'a = "x${ b }"\n', 'a = "$${b}"\n', 'a = "\\u00e9"\n', 'a = "é"\n',
 'a = [for x in y : x]\n', 'a = {for k, v in y : k => v}\n', 'a = provider::a::b(1)\n', 'a = x.0\n', 'a = b\n  # c\n', 'a = [\n  1, # c\n  2\n]\n',
 'a = {\n  b = 1 +\n  2\n}\n', 'a = 1 +\n 2\n', 'a = b c\n', 'x "y" {\n a = 1\n}\nx "y" {\n b = 2\n}\n', 'x "y" {\n a = 1\n}\nx "y" "z" {\n b = 2\n}\n',
 'x {\n y {}\n y = 1\n}\n', 'a = 1\na = 2\n', 'a = f(\n b,\n c\n)\n', 'a = "${f("x")}"\n', 'a = null\n', 'a = -null\n', 'a = "a" == "b"\n', 'a = [\n]\n', 'a = {}\n',
 'a = "\\n\\t\\"\\\\"\n', 'a = 00012\n', 'a = 0.1\n', 'a = true ? 1 : 2\n', 'a = f(x...)\n', 'a = x[0]\n', 'a = (x)[0]\n', 'a = (x).y\n', 'a = var.x != null ? var.x : "d"\n', 'a = "%%{x}"\n', 'a = "$$"\n', 'a = "$"\n', 'a = "a$b"\n', 'a = listvar\n', 'a = stringx.y\n', 'a = "${stringx}"\n', 'a = [stringx]\n',
];
for (const c of (cases.length ? cases : defaults)) {
  try { const r = await parse('t.tf', c); console.log(JSON.stringify(c), '=>', JSON.stringify(r)); }
  catch (e) { console.log(JSON.stringify(c), '=> ERR', String(e.message ?? e).slice(0, 200)); }
}
