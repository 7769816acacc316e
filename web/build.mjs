#!/usr/bin/env node
// Copies the browser libraries that mhatlas uses from web/node_modules into
// the Go tree, so the Go binary can embed them and needs no Node at run time.
//
//   node web/build.mjs           write the vendored files
//   node web/build.mjs --check   exit 1 if any vendored file is missing,
//                                differs, or is stale (names the file)
//
// The vendored output is a pure function of the installed packages, so
// `npm ci && npm run check` in web/ tells whether the committed copies are
// up to date with package-lock.json.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webDir, "..");
const nodeModules = path.join(webDir, "node_modules");

// Each package: where its files come from (relative to the package root) and
// where they go (relative to the repository root). `license` is the file in
// the package that is copied to LICENSE in the vendored folder; `null` means
// the package ships none and one is written from its package.json/README.
const packages = [
  {
    name: "leaflet",
    dest: "internal/web/static/vendor/leaflet",
    license: "LICENSE",
    files: {
      "dist/leaflet.js": "leaflet.js",
      "dist/leaflet.js.map": "leaflet.js.map",
      "dist/leaflet.css": "leaflet.css",
      "dist/images/layers.png": "images/layers.png",
      "dist/images/layers-2x.png": "images/layers-2x.png",
      "dist/images/marker-icon.png": "images/marker-icon.png",
      "dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
      "dist/images/marker-shadow.png": "images/marker-shadow.png",
    },
  },
  {
    name: "leaflet.markercluster",
    dest: "internal/web/static/vendor/leaflet.markercluster",
    license: "MIT-LICENCE.txt",
    files: {
      "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
      "dist/leaflet.markercluster.js.map": "leaflet.markercluster.js.map",
      "dist/MarkerCluster.css": "MarkerCluster.css",
      "dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
    },
  },
  {
    name: "topojson-client",
    dest: "internal/web/static/vendor/topojson-client",
    license: "LICENSE",
    files: {
      "dist/topojson-client.min.js": "topojson-client.min.js",
    },
  },
  {
    // The stylesheet refers to fonts and the crest by absolute /assets/...
    // URLs. We copy neither: atlas.css overrides every GDS Transport font
    // stack (and re-points the font family at local fonts), and the crest is
    // only used by .govuk-footer__copyright-logo, which our pages do not use.
    name: "govuk-frontend",
    dest: "internal/web/static/vendor/govuk-frontend",
    license: null,
    files: {
      "dist/govuk/govuk-frontend.min.css": "govuk-frontend.min.css",
      "dist/govuk/govuk-frontend.min.css.map": "govuk-frontend.min.css.map",
    },
  },
  {
    // Used only by the Go browser tests; lives outside static/ so it is never
    // served to users.
    name: "axe-core",
    dest: "internal/web/testdata",
    license: undefined, // the licence is the header comment of axe.min.js
    files: {
      "axe.min.js": "axe.min.js",
    },
  },
];

// Vendored folders owned entirely by this script: any file in them that the
// build would not write is reported by --check and removed by a build.
const ownedDirs = packages
  .filter((p) => p.dest.startsWith("internal/web/static/vendor/"))
  .map((p) => p.dest);

function fail(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(1);
}

function readPackageJson(name) {
  const file = path.join(nodeModules, name, "package.json");
  if (!fs.existsSync(file)) {
    fail(`${name} is not installed in web/node_modules; run "npm ci" in web/`);
  }
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

// GOV.UK Frontend's npm package declares MIT but ships no licence file, so we
// write one from its package.json and the Licence section of its README.
function govukLicense(pkg) {
  const readme = fs.readFileSync(path.join(nodeModules, pkg.name, "README.md"), "utf8");
  const match = readme.match(/^## Licen[cs]e\n([\s\S]*?)(?=^## |$(?![\s\S]))/m);
  const section = match ? match[1].trim() : "";
  return [
    `${pkg.name} ${pkg.version}`,
    `License (from package.json): ${pkg.license}`,
    "",
    "The package ships no licence file. Its README says:",
    "",
    section,
    "",
    "---",
    "",
    "The MIT License (MIT)",
    "",
    "Copyright (c) Crown Copyright (Government Digital Service)",
    "",
    "Permission is hereby granted, free of charge, to any person obtaining a copy",
    "of this software and associated documentation files (the \"Software\"), to deal",
    "in the Software without restriction, including without limitation the rights",
    "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell",
    "copies of the Software, and to permit persons to whom the Software is",
    "furnished to do so, subject to the following conditions:",
    "",
    "The above copyright notice and this permission notice shall be included in all",
    "copies or substantial portions of the Software.",
    "",
    "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR",
    "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,",
    "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE",
    "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER",
    "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,",
    "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE",
    "SOFTWARE.",
    "",
  ].join("\n");
}

// Works out every output file and its expected bytes: Map<repo-relative path, Buffer>.
function plan() {
  const webPkg = JSON.parse(fs.readFileSync(path.join(webDir, "package.json"), "utf8"));
  const pinned = { ...webPkg.dependencies, ...webPkg.devDependencies };
  const outputs = new Map();
  const versions = [];

  for (const spec of packages) {
    const pkg = readPackageJson(spec.name);
    if (pinned[spec.name] !== pkg.version) {
      fail(
        `web/node_modules has ${spec.name}@${pkg.version} but package.json pins ` +
          `${pinned[spec.name]}; run "npm ci" in web/`,
      );
    }
    versions.push(`${spec.name}@${pkg.version}`);
    const pkgDir = path.join(nodeModules, spec.name);
    for (const [from, to] of Object.entries(spec.files)) {
      const src = path.join(pkgDir, from);
      if (!fs.existsSync(src)) fail(`${spec.name} has no ${from}`);
      outputs.set(path.posix.join(spec.dest, to), fs.readFileSync(src));
    }
    if (spec.license === null) {
      outputs.set(path.posix.join(spec.dest, "LICENSE"), Buffer.from(govukLicense(pkg)));
    } else if (spec.license) {
      outputs.set(
        path.posix.join(spec.dest, "LICENSE"),
        fs.readFileSync(path.join(pkgDir, spec.license)),
      );
    }
  }

  const versionsText =
    "Third-party browser files in this folder, copied from npm packages by\n" +
    "web/build.mjs (run `npm run build` in web/ to refresh, `npm run check` to verify).\n\n" +
    versions.join("\n") +
    "\n";
  outputs.set("internal/web/static/vendor/VERSIONS.txt", Buffer.from(versionsText));
  return outputs;
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name));
}

function strays(outputs) {
  const found = [];
  for (const dir of ownedDirs) {
    for (const abs of listFiles(path.join(repoRoot, dir))) {
      const rel = path.relative(repoRoot, abs).split(path.sep).join("/");
      if (!outputs.has(rel)) found.push(rel);
    }
  }
  return found;
}

const sha = (buf) => createHash("sha256").update(buf).digest("hex").slice(0, 12);

function check(outputs) {
  const problems = [];
  for (const [rel, want] of outputs) {
    const abs = path.join(repoRoot, rel);
    if (!fs.existsSync(abs)) {
      problems.push(`${rel}: missing`);
      continue;
    }
    const have = fs.readFileSync(abs);
    if (!have.equals(want)) {
      problems.push(`${rel}: differs from node_modules (have ${sha(have)}, want ${sha(want)})`);
    }
  }
  for (const rel of strays(outputs)) problems.push(`${rel}: not produced by the build`);
  if (problems.length) {
    console.error("build.mjs --check: vendored files are out of date:");
    for (const p of problems) console.error(`  ${p}`);
    console.error('Run "npm run build" in web/ and commit the result.');
    process.exit(1);
  }
  console.log(`build.mjs --check: ${outputs.size} vendored files up to date`);
}

function build(outputs) {
  let written = 0;
  for (const [rel, data] of outputs) {
    const abs = path.join(repoRoot, rel);
    if (fs.existsSync(abs) && fs.readFileSync(abs).equals(data)) continue;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, data);
    written++;
  }
  const removed = strays(outputs);
  for (const rel of removed) fs.rmSync(path.join(repoRoot, rel));
  console.log(
    `build.mjs: ${outputs.size} vendored files (${written} written, ${removed.length} stale removed)`,
  );
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--check");
if (unknown.length) fail(`unknown argument ${unknown[0]} (usage: node web/build.mjs [--check])`);

const outputs = plan();
if (args.includes("--check")) check(outputs);
else build(outputs);
