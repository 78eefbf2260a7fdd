import { Link, Text } from '@react-pdf/renderer';
import { Fragment } from 'react';
import type { Inline } from '../../compile/model.ts';
import { printableUrl, wrapUrl } from '../printedUrl.ts';
import type { GalleyStyles } from '../styles.ts';


const plainText = (inlines: Inline[]): string =>
  inlines
    .map((inline) => ('value' in inline ? inline.value : 'children' in inline ? plainText(inline.children) : ' '))
    .join('');

export function Inlines({ inlines, styles }: { inlines: Inline[]; styles: GalleyStyles }) {
  return (
    <>
      {inlines.map((inline, index) => (
        <InlineNode key={index} inline={inline} styles={styles} />
      ))}
    </>
  );
}

function InlineNode({ inline, styles }: { inline: Inline; styles: GalleyStyles }) {
  switch (inline.type) {
    case 'text':
    case 'code':
      return <>{inline.value}</>;
    case 'break':
      return <>{'\n'}</>;
    case 'strong':
      return (
        <Text style={styles.strong}>
          <Inlines inlines={inline.children} styles={styles} />
        </Text>
      );
    case 'emphasis':
      return (
        <Text style={styles.emphasis}>
          <Inlines inlines={inline.children} styles={styles} />
        </Text>
      );
    case 'citation': {
      // "[2, 5]": each number links to its entry in the numbered source list. Body size, not a
      // superscript: nothing may print below the edition's minimum text size. The brackets and
      // comma go inside the links, because react-pdf may hyphenate a word between two runs.
      const last = inline.sources.length - 1;
      return (
        <>
          {inline.sources.map((source, index) => (
            <Fragment key={source.targetId}>
              {index > 0 ? ' ' : null}
              <Link src={`#${source.targetId}`} style={{ color: styles.link.color, textDecoration: 'none' }}>
                {`${index === 0 ? '[' : ''}${source.number}${index === last ? ']' : ','}`}
              </Link>
            </Fragment>
          ))}
        </>
      );
    }
    case 'link': {
      const shown = printableUrl(inline.url);
      const text = plainText(inline.children);
      const alreadyShown = printableUrl(text) === shown;
      return (
        <>
          <Link src={inline.url} style={styles.link}>
            <Inlines inlines={inline.children} styles={styles} />
          </Link>
          {alreadyShown ? null : ` (${wrapUrl(shown, styles.printedUrl.maxLineChars)})`}
        </>
      );
    }
  }
}

export { plainText };
