/** Shapes shared by the layouts. Coordinates follow sigma: y grows upwards. */
export interface Position {
  x: number;
  y: number;
}

/** node key → position. */
export type Positions = Record<string, Position>;

/** An axis-aligned rectangle in graph coordinates. */
export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}
