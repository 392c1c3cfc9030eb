/**
 * Titles of the chain layout's bands and lanes and of the park layout's clusters, drawn over the
 * canvas and kept in place as the camera moves (positions from sigma's graph-to-viewport).
 */
import type { ChainLayoutGuides, ParkLayoutGuides } from '@innograph/analytics';
import type { Language } from '@innograph/model';
import { useEffect, useState } from 'react';
import type { Renderer } from '../graph/renderer.js';

export type LayoutGuides =
  | { kind: 'chain'; guides: ChainLayoutGuides }
  | { kind: 'park'; guides: ParkLayoutGuides };

interface Placed {
  key: string;
  text: string;
  x: number;
  y: number;
  className: string;
  /** Room on screen, in pixels; the title wraps inside it. */
  width?: number;
  /** `y` is where the title ends (it grows upwards as it wraps), not where it begins. */
  above?: boolean;
}

/** Pixels between a band's title and its first row of nodes (whose labels are about 14 px high,
 *  centred on the row), and between the lanes' titles and the first band's title. */
const BAND_TITLE_LIFT = 26;
const LANE_TITLE_LIFT = 30;

function place(renderer: Renderer, guides: LayoutGuides, language: Language): Placed[] {
  const sigma = renderer.sigma;
  const at = (x: number, y: number) => sigma.graphToViewport({ x, y });
  const placed: Placed[] = [];
  if (guides.kind === 'chain') {
    const top = Math.max(...guides.guides.bands.map((band) => band.box.maxY));
    const lanes = guides.guides.lanes.map((lane) => ({ lane, p: at(lane.box.minX, top) }));
    lanes.forEach(({ lane, p }, index) => {
      // Each lane's title wraps within its lane, so that neighbouring titles do not cover each
      // other; the last one has the rest of the stage.
      const next = lanes[index + 1];
      placed.push({
        key: `lane-${lane.lane}`,
        text: lane.label[language],
        x: p.x,
        y: p.y - BAND_TITLE_LIFT - LANE_TITLE_LIFT + 8,
        className: 'guide lane',
        above: true,
        ...(next ? { width: Math.max(40, next.p.x - p.x - 6) } : {}),
      });
    });
    for (const band of guides.guides.bands) {
      // Above the band's first row, clear of that row's labels.
      const p = at(band.box.minX, band.box.maxY);
      placed.push({
        key: `band-${band.chain ?? 'none'}`,
        text: `${band.label[language]} · ${band.nodeCount}`,
        // Not past the stage's left edge (a fit leaves the nodes 12 px from it).
        x: Math.max(2, p.x - 10),
        y: p.y - BAND_TITLE_LIFT,
        className: 'guide band',
      });
    }
  } else {
    for (const cluster of guides.guides.clusters) {
      const p = at(cluster.x, cluster.y + cluster.radius);
      placed.push({
        key: `park-${cluster.park ?? 'none'}`,
        text: `${cluster.label[language]} · ${cluster.memberCount}`,
        x: p.x,
        y: p.y - 18,
        className: 'guide park',
      });
    }
  }
  return placed;
}

export function Guides(props: {
  renderer: Renderer | null;
  guides: LayoutGuides | null;
  language: Language;
}) {
  const { renderer, guides, language } = props;
  const [placed, setPlaced] = useState<Placed[]>([]);
  useEffect(() => {
    if (!renderer || !guides) {
      setPlaced([]);
      return;
    }
    const update = () => setPlaced(place(renderer, guides, language));
    update();
    renderer.sigma.on('afterRender', update);
    return () => {
      renderer.sigma.off('afterRender', update);
    };
  }, [renderer, guides, language]);
  return (
    <div className="guides" aria-hidden="true">
      {placed.map((p) => (
        <span
          key={p.key}
          className={p.className}
          style={{
            transform: `translate(${p.x}px, ${p.y}px)${p.above ? ' translateY(-100%)' : ''}`,
            width: p.width,
          }}
        >
          {p.text}
        </span>
      ))}
    </div>
  );
}
