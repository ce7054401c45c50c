/**
 * SVG to PNG with resvg (a native renderer shipped in the npm package, no
 * system library needed). Text uses the machine's fonts; a machine without
 * fonts gets the drawing without labels.
 */

/**
 * Graphviz names Helvetica, which few Linux machines have; resvg takes the
 * first family of a list it finds, so common sans-serif fonts follow it.
 */
const GRAPHVIZ_FONT = 'font-family="Helvetica,sans-Serif"';
const SANS_FONTS = `font-family="Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"`;

/** Pixels per SVG point: twice Graphviz's 72 dpi, so labels stay sharp. */
const SCALE = 2;

/**
 * Renders SVG text to PNG bytes, on a white background.
 *
 * @example
 * writeFileSync('dag.png', await svgToPng(await dotToSvg(dr.toDot())));
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  // Loaded on first use: the native binding is only needed for PNG.
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg.replaceAll(GRAPHVIZ_FONT, SANS_FONTS), {
    background: 'white',
    fitTo: { mode: 'zoom', value: SCALE },
    font: { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}
