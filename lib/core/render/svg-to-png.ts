/**
 * SVG to PNG with resvg (a native renderer shipped in the npm package, no
 * system library needed). Text uses the machine's fonts; a machine without
 * fonts gets the drawing without labels.
 */

/**
 * Graphviz's SVG names Helvetica, which few Linux machines have; resvg then
 * draws with its default family, the first system font (often a serif), so the
 * default is a sans-serif font each platform ships.
 */
const SANS_SERIF: string = ({ darwin: 'Helvetica', win32: 'Arial' } as Record<string, string>)[process.platform] ?? 'DejaVu Sans';

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
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: SCALE },
    font: { loadSystemFonts: true, defaultFontFamily: SANS_SERIF, sansSerifFamily: SANS_SERIF },
  });
  return resvg.render().asPng();
}
