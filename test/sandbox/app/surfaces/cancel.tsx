// PLACEHOLDER created by ORDER-PAGE so the sandbox router compiles; NOTIFY-GUARD owns and replaces it.
import type { SurfaceProps } from '../surface';

export default function Surface(props: SurfaceProps) {
  return (
    <div role="dialog" aria-label="cancel">
      <p>cancel surface for order {props.orderId} (not built yet)</p>
      <button type="button" onClick={props.close}>Close</button>
    </div>
  );
}
