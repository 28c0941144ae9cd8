// A Teams-like host for rendering the bot's Adaptive Cards in a plain page (scripts/screenshots.ts):
// host configs close to Teams' own light and dark ones (Segoe UI, Teams' colours, its spacing), and
// the few styles Teams puts around a card (a message bubble, outlined buttons, the primary one filled).
export type CardTheme = 'light' | 'dark';

const PALETTE = {
  light: { page: '#f5f5f5', bubble: '#ffffff', text: '#242424', subtle: '#616161', accent: '#5b5fc7', good: '#0e700e', warning: '#835c00', attention: '#c4314b', emphasis: '#f5f5f5', border: '#d1d1d1', buttonText: '#242424', primaryText: '#ffffff' },
  dark: { page: '#1f1f1f', bubble: '#292929', text: '#ffffff', subtle: '#adadad', accent: '#7f85f5', good: '#54b054', warning: '#f2c661', attention: '#f1707b', emphasis: '#333333', border: '#666666', buttonText: '#ffffff', primaryText: '#ffffff' },
};

const FONT = "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

export function hostConfig(theme: CardTheme): Record<string, unknown> {
  const p = PALETTE[theme];
  const colours = (normal: string) => ({ default: normal, subtle: normal });
  const foreground = {
    default: colours(p.text),
    dark: colours(p.text),
    light: colours(p.subtle),
    accent: colours(p.accent),
    good: colours(p.good),
    warning: colours(p.warning),
    attention: colours(p.attention),
  };
  return {
    fontFamily: FONT,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.border },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: { backgroundColor: p.bubble, foregroundColors: foreground },
      emphasis: { backgroundColor: p.emphasis, foregroundColors: foreground },
      accent: { backgroundColor: p.emphasis, foregroundColors: foreground },
      good: { backgroundColor: p.emphasis, foregroundColors: foreground },
      attention: { backgroundColor: p.emphasis, foregroundColors: foreground },
      warning: { backgroundColor: p.emphasis, foregroundColors: foreground },
    },
    actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 16 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
    adaptiveCard: { allowCustomStyle: true },
    factSet: { title: { color: 'default', size: 'default', isSubtle: true, weight: 'bolder', wrap: true, maxWidth: 150 }, value: { color: 'default', size: 'default', wrap: true }, spacing: 8 },
    textBlock: { headingLevel: 2 },
  };
}

/** A page with one card in a chat bubble, as Teams shows it; the card is rendered into #card. */
export function cardPage(theme: CardTheme): string {
  const p = PALETTE[theme];
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Card</title></head>
    <body style="margin: 0; background: ${p.page}"><p class="sender">Virtual Café</p><div class="bubble" id="card"></div></body></html>`;
}

/** Teams' look over the adaptivecards library's default stylesheet (add after it). */
export function cardStyles(theme: CardTheme): string {
  const p = PALETTE[theme];
  return `
    body { margin: 0; padding: 24px; background: ${p.page}; font-family: ${FONT}; color: ${p.text}; }
    .sender { font-size: 12px; color: ${p.subtle}; margin: 0 0 4px 2px; }
    .bubble { width: 460px; background: ${p.bubble}; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
    .ac-adaptiveCard { background: ${p.bubble} !important; }
    .ac-pushButton { font: 600 14px ${FONT}; min-height: 32px; padding: 5px 12px; border-radius: 4px; border: 1px solid ${p.border};
      background: ${p.bubble}; color: ${p.buttonText}; cursor: pointer; flex: 0 1 auto !important; }
    .ac-pushButton.style-positive, .ac-pushButton.primary { background: ${p.accent}; border-color: ${p.accent}; color: ${p.primaryText}; }
    .ac-input, .ac-input input, .ac-input select, .ac-input textarea { font: 14px ${FONT}; color: ${p.text}; background: ${p.bubble}; }
    a { color: ${p.accent}; }`;
}
