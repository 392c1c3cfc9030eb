/** The legend over the canvas (projector theme and presentation mode): what the colours and
 *  line styles on screen mean, in the view's language. */
import type { LegendItems } from '../export/legend.js';

export function LegendOverlay(props: { items: LegendItems; label: string }) {
  return (
    <aside className="legend-overlay" aria-label={props.label} data-testid="legend-overlay">
      <ul>
        {props.items.nodes.map((entry) => (
          <li key={`n-${entry.label}`}>
            <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      </ul>
      <ul>
        {props.items.edges.map((entry) => (
          <li key={`e-${entry.label}`}>
            <svg className="line-swatch" width="28" height="10" aria-hidden="true">
              <line
                x1="1"
                y1="5"
                x2="27"
                y2="5"
                stroke={entry.color}
                strokeWidth={Math.max(1.5, entry.line?.width ?? 2)}
                strokeDasharray={entry.line?.dashed ? '5 3' : undefined}
              />
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
    </aside>
  );
}
