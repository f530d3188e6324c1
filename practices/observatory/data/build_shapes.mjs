// Turns the official boundaries of régions and départements into the compact
// shapes file the observatory map draws (territory_shapes.json), run once when
// the boundaries change:
//
//   npm install --no-save --prefix /tmp/shapes mapshaper
//   NODE_PATH=/tmp/shapes/node_modules node practices/observatory/data/build_shapes.mjs \
//       departements-avec-outre-mer.geojson regions-avec-outre-mer.geojson
//
// Source: IGN Admin Express COG (Licence Ouverte / Etalab 2.0), as GeoJSON in
// the france-geojson repository of Grégoire David. Metropolitan France is drawn
// in Lambert-93; each overseas département in a projection of its own, in an
// inset on the left, as French statistical maps show them.

import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const mapshaper = require("mapshaper");

const [departmentsFile, regionsFile] = process.argv.slice(2);
const output = join(dirname(fileURLToPath(import.meta.url)), "territory_shapes.json");

const WIDTH = 700;
const HEIGHT = 600;
const INSET = { x: 4, width: 110, height: 104, gap: 12, top: 8 };
const METROPOLE = { x: 130, y: 4, width: 566, height: 592 };
const LAMBERT_93 =
  "+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 +units=m";
// Overseas départements (INSEE code), and the code of the région each one is on its own.
const OVERSEAS = [
  { department: "971", region: "01", lat: 16.2, lon: -61.5 },
  { department: "972", region: "02", lat: 14.6, lon: -61.0 },
  { department: "973", region: "03", lat: 4.0, lon: -53.0 },
  { department: "974", region: "04", lat: -21.1, lon: 55.5 },
  { department: "976", region: "06", lat: -12.8, lon: 45.1 },
];

async function project(file, where, proj, simplify) {
  const commands =
    `-i input.json -filter "${where}" -proj ${proj} ` +
    `-simplify ${simplify} weighted keep-shapes ` +
    `-each "labelX=this.innerX, labelY=this.innerY" -o output.json format=geojson`;
  const result = await mapshaper.applyCommands(commands, {
    "input.json": readFileSync(file, "utf8"),
  });
  return JSON.parse(result["output.json"]).features;
}

function bounds(features) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    for (const ring of rings(feature.geometry)) {
      for (const [x, y] of ring) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
    }
  }
  return box;
}

function rings(geometry) {
  if (geometry.type === "Polygon") return geometry.coordinates;
  return geometry.coordinates.flat();
}

// Fits projected coordinates (y upwards) into a frame of the SVG (y downwards).
function fitter(box, frame) {
  const scale = Math.min(frame.width / (box[2] - box[0]), frame.height / (box[3] - box[1]));
  const left = frame.x + (frame.width - scale * (box[2] - box[0])) / 2;
  const top = frame.y + (frame.height - scale * (box[3] - box[1])) / 2;
  return ([x, y]) => [
    Math.round((left + scale * (x - box[0])) * 10) / 10,
    Math.round((top + scale * (box[3] - y)) * 10) / 10,
  ];
}

function path(geometry, fit) {
  return rings(geometry)
    .map((ring) => {
      const points = ring.map(fit);
      const kept = points.filter(
        (point, index) =>
          index === 0 || point[0] !== points[index - 1][0] || point[1] !== points[index - 1][1],
      );
      return "M" + kept.map(([x, y]) => `${x} ${y}`).join("L") + "Z";
    })
    .join("");
}

function shapes(features, fit) {
  const result = {};
  for (const feature of features) {
    const { code, nom, labelX, labelY } = feature.properties;
    result[code] = { name: nom, path: path(feature.geometry, fit), label: fit([labelX, labelY]) };
  }
  return result;
}

const overseasCodes = OVERSEAS.map((place) => `'${place.department}'`).join(",");
const metropoleDepartments = await project(
  departmentsFile,
  `[${overseasCodes}].indexOf(code) < 0`,
  LAMBERT_93,
  "4%",
);
const metropoleRegions = await project(
  regionsFile,
  `code.length === 2 && code > '10'`,
  LAMBERT_93,
  "4%",
);
const fitMetropole = fitter(bounds(metropoleDepartments), METROPOLE);
const departments = shapes(metropoleDepartments, fitMetropole);
const regions = shapes(metropoleRegions, fitMetropole);
const insets = [];

for (const [index, place] of OVERSEAS.entries()) {
  const local = `+proj=laea +lat_0=${place.lat} +lon_0=${place.lon} +ellps=GRS80 +units=m`;
  const features = await project(departmentsFile, `code === '${place.department}'`, local, "20%");
  const frame = {
    x: INSET.x,
    y: INSET.top + index * (INSET.height + INSET.gap),
    width: INSET.width,
    height: INSET.height,
  };
  const fit = fitter(bounds(features), { ...frame, x: frame.x + 6, y: frame.y + 6, width: frame.width - 12, height: frame.height - 12 });
  Object.assign(departments, shapes(features, fit));
  regions[place.region] = { ...departments[place.department] };
  insets.push({ department: place.department, region: place.region, ...frame });
}

writeFileSync(
  output,
  JSON.stringify({
    source:
      "IGN, Admin Express COG 2018 — Licence Ouverte / Open Licence 2.0 (Etalab), " +
      "via france-geojson (Grégoire David)",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    insets,
    regions,
    departments,
  }),
);
console.log(
  `${Object.keys(regions).length} régions, ${Object.keys(departments).length} départements → ${output}`,
);
