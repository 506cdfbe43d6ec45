/**
 * Layout checks run inside the page on the rendered SVG (real font metrics, real boxes): returns
 * one sentence per problem — a state not visible, two boxes overlapping, a text spilling out of
 * its box, an edge label on a box or on another label.
 */
export const CHECK_LAYOUT = String.raw`(() => {
  const svg = document.querySelector('svg.sc-diagram');
  const problems = [];
  const rect = (el) => { const b = el.getBoundingClientRect(); return { x: b.left, y: b.top, r: b.right, b: b.bottom }; };
  const overlap = (a, c, slack) => a.x < c.r - slack && c.x < a.r - slack && a.y < c.b - slack && c.y < a.b - slack;
  const inside = (a, c, slack) => a.x >= c.x - slack && a.r <= c.r + slack && a.y >= c.y - slack && a.b <= c.b + slack;
  const name = (g) => g.getAttribute('data-state') || g.id;
  const whole = rect(svg);
  const leaves = [...svg.querySelectorAll('g.state:not(.frame), g.marker')].map((g) => ({ g, name: name(g), box: rect(g.querySelector(':scope > rect.box')) }));
  const frames = [...svg.querySelectorAll('g.frame, g.branch')].map((g) => ({ g, name: name(g) || g.getAttribute('data-branch'), box: rect(g.querySelector(':scope > rect.box')), texts: [...g.querySelectorAll(':scope > text')].map(rect) }));
  for (const leaf of leaves) {
    const b = leaf.box;
    if (b.r - b.x < 10 || b.b - b.y < 10) problems.push('state ' + leaf.name + ' has no visible size');
    if (!inside(b, whole, 0.5)) problems.push('state ' + leaf.name + ' lies outside the drawing');
    for (const t of leaf.g.querySelectorAll(':scope > text')) if (!inside(rect(t), b, 1)) problems.push('the text "' + t.textContent + '" spills out of its box ' + leaf.name);
  }
  for (let i = 0; i < leaves.length; i++) for (let j = i + 1; j < leaves.length; j++) if (overlap(leaves[i].box, leaves[j].box, 0.5)) problems.push('boxes ' + leaves[i].name + ' and ' + leaves[j].name + ' overlap');
  for (const frame of frames) {
    for (const t of frame.texts) {
      if (!inside(t, frame.box, 1)) problems.push('the header of ' + frame.name + ' spills out of its frame');
      for (const leaf of leaves) if (overlap(t, leaf.box, 0.5)) problems.push('the header of ' + frame.name + ' overlaps ' + leaf.name);
    }
    for (const leaf of leaves) if (overlap(frame.box, leaf.box, 0.5) && !inside(leaf.box, frame.box, 0.5)) problems.push('frame ' + frame.name + ' cuts through ' + leaf.name);
    for (const other of frames) if (other !== frame && overlap(frame.box, other.box, 0.5) && !inside(frame.box, other.box, 0.5) && !inside(other.box, frame.box, 0.5)) problems.push('frames ' + frame.name + ' and ' + other.name + ' overlap');
  }
  const labels = [...svg.querySelectorAll('.edge-label')].map((g) => ({ text: g.textContent, box: rect(g.querySelector('rect')), inner: rect(g.querySelector('text')) }));
  for (const label of labels) {
    if (!inside(label.inner, label.box, 1.5)) problems.push('edge label "' + label.text + '" spills out of its background');
    for (const leaf of leaves) if (overlap(label.box, leaf.box, 0.5)) problems.push('edge label "' + label.text + '" covers ' + leaf.name);
    for (const frame of frames) for (const t of frame.texts) if (overlap(label.box, t, 0.5)) problems.push('edge label "' + label.text + '" covers the header of ' + frame.name);
  }
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i].box, labels[j].box, 0.5)) problems.push('edge labels "' + labels[i].text + '" and "' + labels[j].text + '" overlap');
  return { problems, states: leaves.length, frames: frames.length, labels: labels.length };
})()`;
