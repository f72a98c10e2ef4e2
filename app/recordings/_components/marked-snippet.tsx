/** A search snippet with its <mark>…</mark> markers as real marks, and everything else as text (never HTML). */
export function MarkedSnippet({ snippet }: { snippet: string }) {
  return (
    <>
      {snippet.split(/<mark>(.*?)<\/mark>/su).map((part, position) =>
        position % 2 === 1 ? (
          <mark key={position} className="rounded bg-amber-200 px-0.5 text-slate-900">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
