// The video call in the browser: the wijkbureau's screen ("host") and the Servicepunt employee
// join the call's room on the media server with access minted by Django for this participant
// only (never the room secret). Janus VideoRoom through the janus-gateway client served locally.
// No inline script: everything comes from the data attributes of #sp-call.
const stage = document.getElementById("sp-call");
const messageBox = document.getElementById("sp-call-message");
const participantsList = document.getElementById("sp-call-participants");
const LIVE = new Set(["picked_up", "in_call"]);
const FINAL = new Set(["ended", "abandoned", "fallback"]);

// For the browser test and for diagnosis: the peer connections of this page.
const state = { started: false, janus: null, publisher: null, subscribers: new Map(), remoteStream: new MediaStream() };
window.spVideoCall = {
  peerConnections: () => [state.publisher, ...state.subscribers.values()]
    .map((handle) => handle && handle.webrtcStuff && handle.webrtcStuff.pc)
    .filter(Boolean),
  subscriberConnections: () => [...state.subscribers.values()]
    .map((handle) => handle.webrtcStuff && handle.webrtcStuff.pc)
    .filter(Boolean),
};

function say(text) {
  if (messageBox) messageBox.textContent = text;
}

function showParticipants(publishers) {
  for (const publisher of publishers) {
    if (document.getElementById(`sp-participant-${publisher.id}`)) continue;
    const item = document.createElement("li");
    item.id = `sp-participant-${publisher.id}`;
    item.textContent = publisher.display || "";
    participantsList.appendChild(item);
  }
}

function forgetParticipant(id) {
  const item = document.getElementById(`sp-participant-${id}`);
  if (item) item.remove();
}

function subscribe(Janus, access, publisher) {
  if (state.subscribers.has(publisher.id)) return;
  state.janus.attach({
    plugin: "janus.plugin.videoroom",
    success(handle) {
      state.subscribers.set(publisher.id, handle);
      handle.send({
        message: {
          request: "join", ptype: "subscriber", room: Number(access.room), token: access.joinToken,
          streams: [{ feed: publisher.id }],
        },
      });
    },
    error() { say(stage.dataset.textError || "Het beeld van de andere kant lukt niet."); },
    onmessage(message, jsep) {
      const handle = state.subscribers.get(publisher.id);
      if (jsep && handle) {
        handle.createAnswer({
          jsep,
          tracks: [{ type: "data" }],
          success(answer) { handle.send({ message: { request: "start", room: Number(access.room) }, jsep: answer }); },
          error() { say("Het beeld van de andere kant lukt niet."); },
        });
      }
    },
    onremotetrack(track, mid, on) {
      const video = document.getElementById("sp-video-remote");
      if (on) {
        state.remoteStream.addTrack(track);
      } else {
        state.remoteStream.removeTrack(track);
      }
      if (video.srcObject !== state.remoteStream) video.srcObject = state.remoteStream;
    },
  });
}

function publish(Janus, access) {
  state.janus.attach({
    plugin: "janus.plugin.videoroom",
    success(handle) {
      state.publisher = handle;
      handle.send({
        message: { request: "join", ptype: "publisher", room: Number(access.room), token: access.joinToken, display: access.display },
      });
    },
    error() { say("Verbinden met de videoserver lukt niet."); },
    onmessage(message, jsep) {
      const handle = state.publisher;
      if (message.videoroom === "joined") {
        handle.createOffer({
          tracks: [{ type: "audio", capture: true, recv: false }, { type: "video", capture: true, recv: false }],
          success(offer) { handle.send({ message: { request: "configure", audio: true, video: true }, jsep: offer }); },
          error() { say("De camera of microfoon doet het niet. Geef toestemming en probeer opnieuw."); },
        });
      }
      for (const key of ["publishers"]) {
        if (Array.isArray(message[key])) {
          showParticipants(message[key]);
          for (const publisher of message[key]) subscribe(Janus, access, publisher);
        }
      }
      for (const key of ["leaving", "unpublished"]) {
        if (message[key] && message[key] !== "ok") forgetParticipant(message[key]);
      }
      if (jsep) handle.handleRemoteJsep({ jsep });
    },
    onlocaltrack(track, on) {
      if (!on || track.kind !== "video") return;
      document.getElementById("sp-video-local").srcObject = new MediaStream([track]);
    },
    webrtcState(up) {
      if (!up) return;
      say("U bent in het gesprek.");
      if (stage.dataset.connectUrl) {
        fetch(stage.dataset.connectUrl, {
          method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": stage.dataset.csrf },
        });
      }
    },
  });
}

async function start() {
  if (state.started) return;
  state.started = true;
  say("Het gesprek wordt verbonden…");
  const answer = await fetch(stage.dataset.accessUrl, { credentials: "same-origin", cache: "no-store" });
  if (!answer.ok) {
    state.started = false;
    say("Verbinden lukt nu niet. Probeer het zo opnieuw.");
    return;
  }
  const access = await answer.json();
  const { default: Janus } = await import(stage.dataset.janusModule);
  Janus.init({
    debug: false,
    dependencies: Janus.useDefaultDependencies({ adapter: window.adapter }),
    callback() {
      state.janus = new Janus({
        server: access.server,
        token: access.token,
        // Only the servers the Servicepunt configured (videocalls/ice.py); never janus.js's
        // default, Google's public STUN server.
        iceServers: access.iceServers || [],
        success() { publish(Janus, access); },
        error() { say("De verbinding met de videoserver is weg."); },
      });
    },
  });
}

function stop() {
  if (state.janus) state.janus.destroy({ unload: false });
  state.janus = null;
}

function follow(current) {
  if (LIVE.has(current)) start();
  if (FINAL.has(current)) stop();
}

if (stage) {
  follow(stage.dataset.state);
  // The host's page learns the state from its status panel, which htmx refreshes.
  document.body.addEventListener("htmx:afterSwap", () => {
    const status = document.getElementById("sp-call-status");
    if (status) follow(status.dataset.state);
  });
}
