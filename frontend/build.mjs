// Builds Safeguard's static assets from GOV.UK Frontend into safeguard/static/build/.
//
// Run with `npm run build`. The output is not committed: `make assets` rebuilds it.
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nodeModules = path.join(root, "node_modules");
const govuk = path.join(nodeModules, "govuk-frontend", "dist", "govuk");
const out = path.join(root, "safeguard", "static", "build");

// GOV.UK Frontend's images and fonts (crest, crown favicons, GDS Transport) belong to GOV.UK,
// which this partnership service is not, so none is shown. Our icon is a plain shield. The crest is
// copied only because the compiled CSS names it (for a footer class we never use) and Django's
// manifest storage refuses CSS that points at a missing file.
const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" fill="#1d70b8"/>
<path fill="#fff" d="M16 4 6 8v7c0 6.5 4.3 11.4 10 13 5.7-1.6 10-6.5 10-13V8z"/>
</svg>
`;

async function copy(from, to) {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
}

function referencedUrls(css) {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((match) => match[1]);
}

async function buildCss() {
  const result = sass.compile(path.join(root, "frontend", "app.scss"), {
    loadPaths: [nodeModules],
    style: "compressed",
    quietDeps: true,
  });
  if (result.css.includes("GDS Transport")) {
    throw new Error("app.css mentions GDS Transport: check the font settings in app.scss");
  }
  const fonts = referencedUrls(result.css).filter((url) => /fonts\/|\.woff2?$/.test(url));
  if (fonts.length > 0) {
    throw new Error(`app.css references fonts: ${fonts.join(", ")}`);
  }
  await writeFile(path.join(out, "app.css"), result.css);
}

async function main() {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await buildCss();
  await copy(path.join(govuk, "govuk-frontend.min.js"), path.join(out, "govuk-frontend.min.js"));
  await copy(
    path.join(govuk, "govuk-frontend.min.js.map"),
    path.join(out, "govuk-frontend.min.js.map"),
  );
  await copy(path.join(root, "frontend", "app.js"), path.join(out, "app.js"));
  await mkdir(path.join(out, "assets", "images"), { recursive: true });
  await writeFile(path.join(out, "assets", "images", "favicon.svg"), favicon);
  await copy(
    path.join(govuk, "assets", "images", "govuk-crest.svg"),
    path.join(out, "assets", "images", "govuk-crest.svg"),
  );
  console.log(`Built assets in ${path.relative(root, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
