// A lint rule for the layering of ../shared/ARCHITECTURE.md, written as an allow-list per
// folder: each zone names the layers (folders of ours) and the packages it may import.
// Everything else is refused, whichever form the import takes: `import`, `export … from`,
// `import()` expressions and `require()`.
import { builtinModules } from 'node:module';
import path from 'node:path';

const BUILTINS = new Set(builtinModules);

/** '@scope/pkg/sub' → '@scope/pkg'; 'pkg/sub' → 'pkg'; 'fs' → 'node:fs'. */
function packageOf(spec) {
  if (spec.startsWith('node:')) return spec.split('/')[0];
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? `node:${name}` : name;
}

const matches = (pattern, name) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name);
const within = (file, folder) => file === folder || file.startsWith(`${folder}/`);

/** The most specific zone (longest folder or file) that holds the file. */
function zoneOf(zones, rel) {
  let best = null;
  for (const z of zones) for (const f of z.folders) if (within(rel, f) && (!best || f.length > best.f.length)) best = { z, f };
  return best?.z ?? null;
}

export const layeringPlugin = {
  rules: {
    layering: {
      meta: { type: 'problem', schema: [{ type: 'object', additionalProperties: true }] },
      create(context) {
        const { root, zones } = context.options[0];
        const rel = path.relative(root, context.filename).split(path.sep).join('/');
        const zone = zoneOf(zones, rel);
        if (!zone) return {};
        const check = (node, spec, typeOnly) => {
          if (typeof spec !== 'string') {
            context.report({ node, message: `${zone.name}: an import must name its module literally, so the layering can be checked.` });
            return;
          }
          if (spec.startsWith('.')) {
            const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
            const ok = zone.layers.some((l) => within(target, l)) || (typeOnly && (zone.typeLayers ?? []).some((l) => within(target, l)));
            if (!ok) {
              const types = zone.typeLayers?.length ? `; types only from ${zone.typeLayers.join(', ')}` : '';
              context.report({ node, message: `${zone.name} may import ${zone.layers.join(', ')}${types} — not ${target}. ${zone.why}` });
            }
            return;
          }
          const pkg = packageOf(spec);
          if (typeOnly && (zone.typePackages ?? []).some((p) => matches(p, pkg))) return;
          if (!zone.packages.some((p) => matches(p, pkg))) {
            context.report({ node, message: `${zone.name} may not import '${pkg}' (allowed: ${zone.packages.join(', ') || 'no packages'}). ${zone.why}` });
          }
        };
        const isTypeImport = (node) => node.importKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        return {
          ImportDeclaration: (node) => check(node, node.source.value, isTypeImport(node)),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
          ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
          ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : null, false),
          TSImportType: (node) => {
            const arg = node.argument?.literal ?? node.argument;
            if (arg?.type === 'Literal') check(node, arg.value, true);
          },
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
              check(node, node.arguments[0].type === 'Literal' ? node.arguments[0].value : null, false);
            }
          },
        };
      },
    },
  },
};
