/** The formats `renderDiagram` draws (a light module: the CLI reads it without loading ELK). */
export type DiagramFormat = 'svg' | 'mermaid' | 'dot';

/** Every {@link DiagramFormat}, in the order `statecraft diagram --format` lists them. */
export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['svg', 'mermaid', 'dot'];
