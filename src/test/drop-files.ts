import { act, fireEvent } from '@testing-library/react';

/**
 * Drops files on an element the way a drag from the desktop does: dragenter, dragover, drop, with
 * a DataTransfer-shaped object (jsdom has no DataTransfer) that react-dropzone can read.
 */
export async function dropFiles(element: Element, files: File[]): Promise<void> {
  const dataTransfer = {
    files,
    items: files.map((file) => ({ kind: 'file', type: file.type, getAsFile: () => file })),
    types: ['Files'],
  };
  await act(async () => {
    fireEvent.dragEnter(element, { dataTransfer });
    fireEvent.dragOver(element, { dataTransfer });
    fireEvent.drop(element, { dataTransfer });
  });
}
