/**
 * The view in the address bar: short query parameters so a shared link stays readable. Reading
 * is lenient: a parameter that does not parse is dropped (and reported), the rest still applies.
 */
import { type Camera, ViewState } from '@innograph/model';

const list = (value: string | null) => (value === null || value === '' ? undefined : value.split(','));
const number = (value: string | null) => (value === null || value === '' ? undefined : Number(value));

/** Parameter name → where it goes in the view state. */
function rawState(params: URLSearchParams): Record<string, unknown> {
  const camera = params.get('cam')?.split(',').map(Number);
  const path = params.get('path')?.split(',');
  return {
    language: params.get('lang') ?? undefined,
    filters: {
      hiddenKinds: list(params.get('hk')),
      hiddenRelations: list(params.get('hr')),
      hiddenStatuses: list(params.get('hs')),
      chain: params.get('chain') ?? undefined,
      park: params.get('park') ?? undefined,
      ownership: params.get('own') ?? undefined,
      stage: params.get('stage') ?? undefined,
      date: params.get('date') ?? undefined,
    },
    theme: params.get('theme') ?? undefined,
    selected: params.get('sel') ?? undefined,
    highlighted: list(params.get('hl')),
    expanded: list(params.get('exp')),
    path: path && path.length === 2 ? { from: path[0], to: path[1] } : undefined,
    camera:
      camera && camera.length >= 3
        ? { x: camera[0], y: camera[1], ratio: camera[2], angle: camera[3] }
        : undefined,
    layout: params.get('layout') ?? undefined,
    size: params.get('size') ?? undefined,
    color: params.get('color') ?? undefined,
    labelDensity: number(params.get('ld')),
  };
}

/** Drops the parameter an issue is about: a whole filter, or a whole top-level field. */
function dropParameter(raw: Record<string, unknown>, path: readonly PropertyKey[]): void {
  const [head, next] = path;
  const filters = raw.filters;
  if (head === 'filters' && next !== undefined && typeof filters === 'object' && filters !== null) {
    delete (filters as Record<PropertyKey, unknown>)[next];
  } else if (typeof head === 'string') delete raw[head];
  else delete raw.language;
}

export interface ParsedView {
  state: ViewState;
  /** Parameters that were ignored, with why. */
  problems: string[];
}

export function readView(search: string, defaults: Partial<ViewState> = {}): ParsedView {
  const params = new URLSearchParams(search);
  const raw = rawState(params);
  if (raw.language === undefined && defaults.language) raw.language = defaults.language;
  const problems: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const parsed = ViewState.safeParse(raw);
    if (parsed.success) return { state: parsed.data, problems };
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
      dropParameter(raw, issue.path);
    }
  }
  return { state: ViewState.parse({}), problems };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function cameraParam(camera: Camera): string {
  const parts = [round(camera.x, 4), round(camera.y, 4), round(camera.ratio, 4)];
  if (camera.angle !== 0) parts.push(round(camera.angle, 4));
  return parts.join(',');
}

export function writeView(state: ViewState): string {
  const params = new URLSearchParams();
  const defaults = ViewState.parse({});
  const set = (key: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') params.set(key, value);
  };
  set('lang', state.language);
  const { filters } = state;
  set('hk', filters.hiddenKinds.join(','));
  set('hr', filters.hiddenRelations.join(','));
  set('hs', filters.hiddenStatuses.join(','));
  set('chain', filters.chain);
  set('park', filters.park);
  set('own', filters.ownership);
  set('stage', filters.stage);
  set('date', filters.date);
  if (state.theme !== defaults.theme) set('theme', state.theme);
  set('sel', state.selected);
  set('hl', state.highlighted.join(','));
  set('exp', state.expanded.join(','));
  if (state.path) set('path', `${state.path.from},${state.path.to}`);
  if (state.camera) set('cam', cameraParam(state.camera));
  if (state.layout !== defaults.layout) set('layout', state.layout);
  if (state.size !== defaults.size) set('size', state.size);
  if (state.color !== defaults.color) set('color', state.color);
  if (state.labelDensity !== defaults.labelDensity) set('ld', String(state.labelDensity));
  const text = params.toString().replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
}
