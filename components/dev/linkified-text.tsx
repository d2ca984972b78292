const URL_PATTERN = /(https?:\/\/[^\s<>"')）]+)/g;

/** Plain text with its http(s) links clickable; each link shows its full address, as the message has it. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, i) =>
        // split() with a capture group puts the links at odd positions.
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
