package org.embex.desktop.figure;

/**
 * The colours a figure is drawn in besides its data: the page, the ink of titles and values, and
 * the muted ink of axes, ticks and notes. Light for print; dark for slides and dark pages, the
 * window's own dark colours so a figure sits beside a screenshot of it.
 */
public record FigureTheme(int background, int ink, int muted) {

    public static final FigureTheme LIGHT = new FigureTheme(0xFFFFFF, 0x1F2328, 0x656D76);
    public static final FigureTheme DARK = new FigureTheme(0x0D1117, 0xF0F6FC, 0x9198A1);

    public static FigureTheme of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
