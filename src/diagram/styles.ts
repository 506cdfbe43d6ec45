/** Box colours by state type (fill, stroke), shared by the Mermaid and DOT outputs (the SVG has them in its CSS). */
export const TYPE_COLOURS: Record<string, { fill: string; stroke: string }> = {
  Task: { fill: '#e8f1fb', stroke: '#0972d3' },
  Choice: { fill: '#fef6e0', stroke: '#b7860b' },
  Pass: { fill: '#f2f3f3', stroke: '#7d8998' },
  Wait: { fill: '#f3ecfc', stroke: '#8a5cd6' },
  Succeed: { fill: '#e9f7ec', stroke: '#1d8102' },
  Fail: { fill: '#fdecea', stroke: '#d13212' },
  Parallel: { fill: '#fbfbfc', stroke: '#7d8998' },
  Map: { fill: '#fbfbfc', stroke: '#7d8998' },
  marker: { fill: '#232f3e', stroke: '#232f3e' },
};

/** The colour of Catch edges. */
export const CATCH_COLOUR = '#d13212';
