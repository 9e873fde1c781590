import { groupNodes, type SettingsFlow, type UiNode, type UiText } from 'kratos-settings'

const Messages = ({ messages }: { messages: readonly UiText[] }) =>
  messages.map((message) => (
    <p key={message.id} data-message-type={message.type}>
      {message.text}
    </p>
  ))

/** An input with its label and messages, a text or an image; scripts (WebAuthn) need a client component. */
function Node({ node }: { node: UiNode }) {
  const { attributes: a, meta } = node
  if (a.node_type === 'text') return <p>{a.text.text}</p>
  if (a.node_type === 'img') return <img src={a.src} width={a.width} height={a.height} alt={meta.label?.text ?? ''} />
  if (a.node_type !== 'input') return null
  const value = typeof a.value === 'string' ? a.value : undefined
  if (a.type === 'hidden') return <input type="hidden" name={a.name} value={value} />
  // Buttons that start WebAuthn or a passkey run Kratos' script: that needs a client component.
  if (a.type === 'button') return null
  if (a.type === 'submit')
    return (
      <button name={a.name} value={value} disabled={a.disabled}>
        {meta.label?.text}
      </button>
    )
  if (a.type === 'checkbox')
    return (
      <label>
        {/* An unchecked box sends nothing; Kratos reads a boolean's last value, so this hidden one says false. */}
        <input type="hidden" name={a.name} value="false" />
        <input name={a.name} type="checkbox" value="true" defaultChecked={a.value === true} disabled={a.disabled} />
        {meta.label?.text}
        <Messages messages={node.messages} />
      </label>
    )
  return (
    <label>
      {meta.label?.text}
      <input name={a.name} type={a.type} defaultValue={value} required={a.required} disabled={a.disabled} />
      <Messages messages={node.messages} />
    </label>
  )
}

/** One form per group, each with the `default` group's CSRF token. */
export function SettingsForm({ flow }: { flow: SettingsFlow }) {
  const groups = groupNodes(flow)
  const csrf = groups.get('default') ?? []
  groups.delete('default')
  return (
    <>
      <Messages messages={flow.ui.messages ?? []} />
      {[...groups].map(([group, nodes]) => (
        <form key={group} method="post" action={`/settings/update?flow=${encodeURIComponent(flow.id)}`} data-group={group}>
          {[...csrf, ...nodes].map((node, index) => (
            <Node key={index} node={node} />
          ))}
        </form>
      ))}
    </>
  )
}
