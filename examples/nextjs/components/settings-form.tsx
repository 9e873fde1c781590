import type { SettingsFlow, UiNode, UiText } from 'kratos-settings'

function Messages({ messages }: { messages: readonly UiText[] }) {
  return messages.map((message) => (
    <p key={message.id} data-message-type={message.type}>
      {message.text}
    </p>
  ))
}

function Node({ node }: { node: UiNode }) {
  const { attributes } = node
  switch (attributes.node_type) {
    case 'input': {
      const value = typeof attributes.value === 'string' ? attributes.value : undefined
      const input = (
        <input
          name={attributes.name}
          type={attributes.type}
          defaultValue={attributes.type === 'submit' ? undefined : value}
          value={attributes.type === 'submit' ? value : undefined}
          required={attributes.required}
          disabled={attributes.disabled}
        />
      )
      if (attributes.type === 'hidden') return input
      return (
        <div>
          <label>
            {attributes.type === 'submit' ? null : node.meta.label?.text}
            {input}
          </label>
          <Messages messages={node.messages} />
        </div>
      )
    }
    case 'text':
      return <p id={attributes.id}>{attributes.text.text}</p>
    case 'img':
      return <img src={attributes.src} id={attributes.id} width={attributes.width} height={attributes.height} alt={node.meta.label?.text ?? ''} />
    case 'a':
      return (
        <a href={attributes.href} id={attributes.id}>
          {attributes.title.text}
        </a>
      )
    case 'div':
      return <div id={attributes.id} className={attributes.class} />
    case 'script':
      // Scripts (WebAuthn, passkeys) need a client component; this example renders none.
      return null
  }
}

/** A flow's form, rendered from `ui.nodes` in document order, one <form> per group, posted to app/settings/update. */
export function SettingsForm({ flow }: { flow: SettingsFlow }) {
  const csrf = flow.ui.nodes.filter((node) => node.group === 'default')
  const groups = [...new Set(flow.ui.nodes.map((node) => node.group))].filter((group) => group !== 'default')
  return (
    <>
      <Messages messages={flow.ui.messages ?? []} />
      {groups.map((group) => (
        <form key={group} action={`/settings/update?flow=${encodeURIComponent(flow.id)}`} method="post" data-group={group}>
          {csrf.map((node, index) => <Node key={`default-${index}`} node={node} />)}
          {flow.ui.nodes
            .filter((node) => node.group === group)
            .map((node, index) => <Node key={`${group}-${index}`} node={node} />)}
        </form>
      ))}
    </>
  )
}
