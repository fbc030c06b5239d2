package local.diplomaticgraph.corenlp;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Makes every HTTP server of this JVM listen on loopback (127.0.0.1) only.
 *
 * <p>StanfordCoreNLPServer binds the wildcard address (every network interface) and has no option to choose
 * another. The JVM creates its servers through the provider named by the system property
 * {@code com.sun.net.httpserver.HttpServerProvider}; this one keeps the requested port, replaces the address with
 * loopback, and lets the platform's own provider do the rest. The platform provider lives in a package the JDK does
 * not export, so the JVM must run with {@code --add-exports=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}.
 */
public final class LoopbackHttpServerProvider extends HttpServerProvider {
  private final HttpServerProvider platform;

  public LoopbackHttpServerProvider() {
    try {
      platform = (HttpServerProvider) Class.forName("sun.net.httpserver.DefaultHttpServerProvider")
          .getDeclaredConstructor()
          .newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot reach the JDK's HTTP server provider: run java with "
              + "--add-exports=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED", e);
    }
  }

  private static InetSocketAddress onLoopback(InetSocketAddress requested) throws IOException {
    if (requested == null) {
      return null; // an unbound server: whoever binds it later chooses
    }
    return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requested.getPort());
  }

  @Override
  public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
    return platform.createHttpServer(onLoopback(address), backlog);
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
    return platform.createHttpsServer(onLoopback(address), backlog);
  }
}
