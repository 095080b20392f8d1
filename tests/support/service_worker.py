"""Driving the service worker in Chromium: wait for it to take control, read a page so that
it is kept, leave the network."""

CONTROLLED = "() => navigator.serviceWorker.controller !== null"


def under_worker(page, path: str) -> None:
    """Open `path` and wait for the worker to control the page (the first visit installs it)."""
    page.goto(path)
    page.wait_for_function(CONTROLLED)


def go_offline(page) -> None:
    """The tab is left (a live page's connection would only fail loudly), then the
    network goes."""
    page.goto("about:blank")
    page.context.set_offline(True)


def read(page, path: str) -> None:
    """A page read online while the worker is in control: it keeps a copy."""
    page.goto(path)
    page.wait_for_function(
        """async (path) => {
          const list = await new Promise(resolve => {
            const channel = new MessageChannel();
            channel.port1.onmessage = event => resolve(event.data.pages || []);
            navigator.serviceWorker.controller.postMessage({type: "pages"}, [channel.port2]);
          });
          return list.some(kept => new URL(kept.url).pathname + new URL(kept.url).search === path);
        }""",
        arg=path,
    )
