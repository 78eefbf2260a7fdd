import { Text, View } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { semantic } from '../../src/render/semantics.ts';
import { UntaggedContentError } from '../../src/render/tagging/taggedRender.ts';
import { taggedA5Page } from '../support/taggedPage.tsx';

const tag = async (children: React.ReactNode): Promise<void> => {
  await taggedA5Page(children);
};

describe('tagging guards', () => {
  it('refuses text that no component gave a role', async () => {
    await expect(tag(<Text style={{ fontFamily: 'Body' }}>No role</Text>)).rejects.toThrow(UntaggedContentError);
  });

  it('refuses tagged elements inside a clipped view, whose content upstream draws in one go', async () => {
    await expect(
      tag(
        <View style={{ overflow: 'hidden' }}>
          <Text style={{ fontFamily: 'Body' }} {...semantic({ role: 'P', key: 'p1' })}>
            Clipped
          </Text>
        </View>,
      ),
    ).rejects.toThrow(/clipped or transformed/);
  });

  it('accepts the same paragraph outside the clipped view', async () => {
    await expect(tag(<Text style={{ fontFamily: 'Body' }} {...semantic({ role: 'P', key: 'p1' })}>Fine</Text>)).resolves.toBeUndefined();
  });
});
