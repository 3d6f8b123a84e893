// @vitest-environment jsdom
// A buyer's photo is an <img> of the drawing with the caption as its text alternative, behind a
// button that opens it larger; a key that is not a plain name never reaches the src.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttachmentView } from '../../client/features/chat/Attachments.tsx';

describe('photo attachments', () => {
  it('shows the drawing with the caption as alt text and a button to enlarge it', () => {
    const html = renderToStaticMarkup(<AttachmentView attachment={{ kind: 'photo', image: 'ridge-boot-toe-split-closeup', caption: '鞋头开胶特写' }} shop={undefined} />);
    expect(html).toContain('<img class="att-photo-img" src="/media/ridge-boot-toe-split-closeup.svg" alt="鞋头开胶特写"/>');
    expect(html).toContain('aria-label="查看大图：鞋头开胶特写"');
    expect(html).toMatch(/<dialog class="photo-dialog" aria-label="鞋头开胶特写">/);
  });

  it('renders a stand-in, not an image, for a key that is not kebab-case', () => {
    const html = renderToStaticMarkup(<AttachmentView attachment={{ kind: 'photo', image: '../../etc/passwd', caption: '截图' }} shop={undefined} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('passwd');
    expect(html).toContain('图片无法显示');
  });
});
