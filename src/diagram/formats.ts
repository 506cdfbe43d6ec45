/** The formats `renderDiagram` draws (a light module: the CLI reads it without loading ELK). */
export type DiagramFormat = 'svg' | 'mermaid' | 'dot';

export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['svg', 'mermaid', 'dot'];
