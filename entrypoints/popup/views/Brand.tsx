/** The extension's name with its mark (a shield over an envelope), as the popup's title. */
export function Brand() {
  return (
    <span className="pmg-brand">
      <svg className="pmg-brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" fill="#303030" />
        <path d="M7.5 9h9v6.5h-9z" fill="none" stroke="#fff" strokeWidth="1.4" />
        <path d="m7.5 9 4.5 3.6L16.5 9" fill="none" stroke="#fff" strokeWidth="1.4" />
      </svg>
      <span>Proxy Mail Guard</span>
    </span>
  );
}
