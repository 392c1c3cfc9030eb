/**
 * Dashed edges for sigma v3: the stock rectangle and arrow programs with a varying that measures
 * the distance from the edge's start in screen pixels, so the fragment shader can leave gaps.
 * Planned relations use these, so a planner tells proposals from what exists at a glance.
 */
import type { Attributes } from 'graphology-types';
import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  type EdgeProgramType,
  EdgeRectangleProgram,
  type ProgramInfo,
} from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';
import type { EdgeData, NodeData } from './graph.js';

/** Dash and gap lengths in CSS pixels. */
const DASH = 6;
const PERIOD = 10;

function dashedVertex(source: string): string {
  return source
    .replace('void main() {', 'uniform vec2 u_resolution;\nvarying float v_along;\n\nvoid main() {')
    .replace(
      /\n {2}v_color\.a \*= bias;\n}\n?$/,
      `
  vec2 startOnScreen = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 endOnScreen = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length((endOnScreen - startOnScreen) * u_resolution * 0.5);
  v_color.a *= bias;
}
`,
    );
}

function dashedFragment(source: string): string {
  return source.replace(
    'void main(void) {',
    `varying float v_along;\n\nvoid main(void) {\n  if (mod(v_along, ${PERIOD.toFixed(1)}) > ${DASH.toFixed(1)}) discard;`,
  );
}

type Constructor = EdgeProgramType<NodeData, EdgeData, Attributes>;

/** Wraps an edge program class so that it draws dashes. */
function dashed(Base: EdgeProgramType<Attributes, Attributes, Attributes>): Constructor {
  // Every edge program sigma ships has the rectangle program's shape (definition, uniforms).
  const Parent = Base as unknown as typeof EdgeRectangleProgram;
  class DashedProgram extends Parent {
    override getDefinition() {
      const definition = super.getDefinition();
      const vertex = dashedVertex(definition.VERTEX_SHADER_SOURCE);
      if (!vertex.includes('v_along =')) throw new Error('web/dashedEdges: sigma edge shader changed shape');
      return {
        ...definition,
        VERTEX_SHADER_SOURCE: vertex,
        FRAGMENT_SHADER_SOURCE: dashedFragment(definition.FRAGMENT_SHADER_SOURCE),
        // sigma types the uniform list as the base program's exact tuple; ours has one more.
        UNIFORMS: [...definition.UNIFORMS, 'u_resolution'] as unknown as typeof definition.UNIFORMS,
      };
    }
    override setUniforms(params: RenderParams, info: ProgramInfo): void {
      super.setUniforms(params, info);
      info.gl.uniform2f(info.uniformLocations.u_resolution ?? null, params.width, params.height);
    }
  }
  return DashedProgram as unknown as Constructor;
}

export const EdgeDashedProgram: Constructor = dashed(EdgeRectangleProgram);
export const EdgeDashedArrowProgram: Constructor = createEdgeCompoundProgram<NodeData, EdgeData, Attributes>([
  dashed(createEdgeClampedProgram()),
  createEdgeArrowHeadProgram<NodeData, EdgeData, Attributes>(),
]);
