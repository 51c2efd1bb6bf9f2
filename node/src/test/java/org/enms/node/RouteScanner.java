package org.enms.node;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lists the API's routes from the sources, because a Pekko HTTP route tree cannot be inspected at
 * run time. It reads the route-building code the way Pekko runs it: from {@code ApiRoutes.routes()}
 * with the resources the node's guardian adds ({@code with}, {@code withRoot}), through {@code
 * concat}, the path directives, the method directives, and every method returning a {@code Route}
 * (the same class's, a field's class, a static helper's), with arguments bound to parameters.
 *
 * <p>It cannot silently miss a route: {@link #unreached()} lists every path directive in the
 * sources that the walk did not reach, and a directive it does not understand throws.
 */
final class RouteScanner {
  /**
   * One route.
   *
   * @param method upper case, or {@code *} when no method directive restricts it (a WebSocket)
   * @param path with every extracted segment written {@code {}}
   */
  record Endpoint(String method, String path) implements Comparable<Endpoint> {
    @Override
    public int compareTo(Endpoint o) {
      int byPath = path.compareTo(o.path);
      return byPath != 0 ? byPath : method.compareTo(o.method);
    }
  }

  private static final Set<String> PATH_DIRECTIVES =
      Set.of("path", "pathPrefix", "pathEnd", "pathEndOrSingleSlash", "pathSingleSlash");

  /** Path directives the walk does not interpret: finding one is an error, never a guess. */
  private static final Set<String> UNSUPPORTED_PATH_DIRECTIVES =
      Set.of(
          "rawPathPrefix",
          "pathPrefixTest",
          "rawPathPrefixTest",
          "pathSuffix",
          "pathSuffixTest",
          "redirectToTrailingSlashIfMissing",
          "redirectToNoTrailingSlashIfPresent",
          "ignoreTrailingSlash",
          "method",
          "extractUnmatchedPath",
          "mapUnmatchedPath");

  private static final java.util.regex.Pattern DIRECTIVE_TEXT =
      java.util.regex.Pattern.compile("\\b(path\\w*|rawPath\\w*|Route)\\b");

  private static final Set<String> METHOD_DIRECTIVES =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");

  /** Segment matchers that extract one segment. */
  private static final Set<String> EXTRACTING_MATCHERS =
      Set.of(
          "segment",
          "uuidSegment",
          "integerSegment",
          "longSegment",
          "hexIntegerSegment",
          "hexLongSegment",
          "doubleSegment");

  private final Map<String, List<ClassOrInterfaceDeclaration>> classes = new HashMap<>();
  private final List<MethodCallExpr> directives = new ArrayList<>();
  private final Set<MethodCallExpr> reached = Collections.newSetFromMap(new IdentityHashMap<>());
  private Set<Endpoint> endpoints = new TreeSet<>();
  private final Map<String, List<Expression>> wiring = new HashMap<>();
  private int depth;

  private RouteScanner(List<Path> roots) {
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          ParseResult<CompilationUnit> parsed = parser.parse(file);
          if (!parsed.isSuccessful()) {
            // JavaParser lacks a few newer forms (local enums); such a file may hold no route.
            if (DIRECTIVE_TEXT.matcher(Files.readString(file)).find()) {
              throw new IllegalStateException(file + ": " + parsed.getProblems());
            }
            continue;
          }
          CompilationUnit unit = parsed.getResult().orElseThrow();
          for (ClassOrInterfaceDeclaration c : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            classes.computeIfAbsent(c.getNameAsString(), k -> new ArrayList<>()).add(c);
          }
          for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            boolean directiveCall =
                (PATH_DIRECTIVES.contains(call.getNameAsString())
                        || UNSUPPORTED_PATH_DIRECTIVES.contains(call.getNameAsString()))
                    && call.getArguments().isNonEmpty()
                    && call.getScope().map(RouteScanner::directivesScope).orElse(true)
                    && !ownMethod(call);
            if (directiveCall) {
              directives.add(call);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The routes served by a node: {@code ApiRoutes.routes()} with the resources that {@code
   * NodeGuardian} adds to it.
   */
  static RouteScanner scanNode(Path httpApiSources, Path nodeSources) {
    RouteScanner scanner = new RouteScanner(List.of(httpApiSources, nodeSources));
    ClassOrInterfaceDeclaration guardian = scanner.onlyClass("NodeGuardian");
    for (MethodCallExpr call : guardian.findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      if ((name.equals("with") || name.equals("withRoot")) && call.getArguments().size() == 1) {
        String field = name.equals("with") ? "extraResources" : "rootResources";
        scanner.wiring.computeIfAbsent(field, k -> new ArrayList<>()).add(call.getArgument(0));
      }
    }
    ClassOrInterfaceDeclaration api = scanner.onlyClass("ApiRoutes");
    MethodDeclaration routes = api.getMethodsBySignature("routes").get(0);
    scanner.walkBody(routes, new Env(api, Map.of()), Where.ROOT);
    return scanner;
  }

  Set<Endpoint> endpoints() {
    return Collections.unmodifiableSet(endpoints);
  }

  /** Path directives in the sources that no route of the node reaches, as {@code File:line}. */
  List<String> unreached() {
    return directives.stream()
        .filter(d -> !reached.contains(d))
        .map(RouteScanner::position)
        .sorted()
        .toList();
  }

  /** Where the walk stands: the segments matched so far, whether the path is complete, the verb. */
  private record Where(List<String> segments, boolean complete, String method) {
    static final Where ROOT = new Where(List.of(), false, null);

    Where then(List<String> more, boolean completes) {
      if (complete && !more.isEmpty()) {
        // A completed path matches nothing more: such a route can never be reached.
        return new Where(segments, true, "unreachable");
      }
      List<String> all = new ArrayList<>(segments);
      all.addAll(more);
      return new Where(List.copyOf(all), complete || completes, method);
    }

    String path() {
      return "/" + String.join("/", segments);
    }
  }

  /** A class being read and the arguments its method was called with (for closures, the outer). */
  private record Env(ClassOrInterfaceDeclaration type, Map<String, Bound> names) {
    Env with(Map<String, Bound> more) {
      Map<String, Bound> all = new HashMap<>(names);
      all.putAll(more);
      return new Env(type, all);
    }
  }

  /**
   * An argument and where it was written; {@code expression} null: a value extracted at run time.
   */
  private record Bound(Expression expression, Env env) {
    static final Bound EXTRACTED = new Bound(null, null);
  }

  /** Walks a route expression; true if it contributed at least one endpoint. */
  private boolean walk(Expression e, Env env, Where at) {
    if (++depth > 400) {
      throw new IllegalStateException("route walk too deep at " + position(e));
    }
    try {
      return walkExpression(e, env, at);
    } finally {
      depth--;
    }
  }

  private boolean walkExpression(Expression e, Env env, Where at) {
    if (e instanceof EnclosedExpr enclosed) {
      return walk(enclosed.getInner(), env, at);
    }
    if (e instanceof CastExpr cast) {
      return walk(cast.getExpression(), env, at);
    }
    if (e instanceof ConditionalExpr conditional) {
      boolean a = walk(conditional.getThenExpr(), env, at);
      boolean b = walk(conditional.getElseExpr(), env, at);
      return a || b;
    }
    if (e instanceof LambdaExpr lambda) {
      Map<String, Bound> params = new HashMap<>();
      for (Parameter p : lambda.getParameters()) {
        params.put(p.getNameAsString(), Bound.EXTRACTED);
      }
      Env inner = env.with(params);
      if (lambda.getBody() instanceof BlockStmt block) {
        return walkReturns(block, inner, at);
      }
      return walk(lambda.getExpressionBody().orElseThrow(), inner, at);
    }
    if (e instanceof MethodReferenceExpr ref) {
      return walkReference(ref, env, at);
    }
    if (e instanceof NameExpr name) {
      return walkName(name, env, at);
    }
    if (e instanceof MethodCallExpr call) {
      return walkCall(call, env, at);
    }
    if (e instanceof ObjectCreationExpr creation) {
      return walkAll(creation.getArguments(), env, at);
    }
    return false;
  }

  private boolean walkAll(List<Expression> expressions, Env env, Where at) {
    boolean any = false;
    for (Expression e : expressions) {
      any |= walk(e, env, at);
    }
    return any;
  }

  private boolean walkName(NameExpr name, Env env, Where at) {
    String id = name.getNameAsString();
    Bound bound = env.names().get(id);
    if (bound != null) {
      return bound.expression() != null && walk(bound.expression(), bound.env(), at);
    }
    Optional<VariableDeclarator> local = localVariable(id, name);
    if (local.isPresent()) {
      return local.get().getInitializer().map(i -> walk(i, env, at)).orElse(false);
    }
    List<Expression> wired = wiring.get(id);
    if (wired != null && field(env.type(), id).isPresent()) {
      // ApiRoutes' lists of resources, as the guardian fills them.
      ClassOrInterfaceDeclaration guardian = onlyClass("NodeGuardian");
      return walkAll(wired, new Env(guardian, Map.of()), at);
    }
    return false;
  }

  private boolean walkReference(MethodReferenceExpr ref, Env env, Where at) {
    Expression scope = ref.getScope();
    Optional<ClassOrInterfaceDeclaration> target =
        scope instanceof ThisExpr ? Optional.of(env.type()) : typeOf(scope, env);
    if (target.isEmpty()) {
      return false;
    }
    boolean any = false;
    for (MethodDeclaration m : routeMethods(target.get(), ref.getIdentifier(), -1)) {
      Map<String, Bound> params = new HashMap<>();
      m.getParameters().forEach(p -> params.put(p.getNameAsString(), Bound.EXTRACTED));
      any |= walkBody(m, new Env(target.get(), params), at);
    }
    if (!(scope instanceof ThisExpr)) {
      any |= walk(scope, env, at);
    }
    return any;
  }

  private boolean walkCall(MethodCallExpr call, Env env, Where at) {
    String name = call.getNameAsString();
    int arity = call.getArguments().size();
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
      List<MethodDeclaration> own = routeMethods(env.type(), name, arity);
      if (!own.isEmpty()) {
        return callInto(own.get(0), env.type(), call, env, at);
      }
      if (PATH_DIRECTIVES.contains(name)) {
        return pathDirective(call, env, at);
      }
      if (name.equals("extractUnmatchedPath") && arity == 1) {
        return aliases(call, env, at);
      }
      if (UNSUPPORTED_PATH_DIRECTIVES.contains(name)) {
        throw new IllegalStateException(
            "the route scanner does not read " + name + " (at " + position(call) + ")");
      }
      if (METHOD_DIRECTIVES.contains(name) && arity == 1) {
        return methodDirective(call, env, at);
      }
      return walkAll(call.getArguments(), env, at);
    }
    Expression receiver = scope.get();
    Optional<ClassOrInterfaceDeclaration> type = typeOf(receiver, env);
    if (type.isPresent()) {
      List<MethodDeclaration> methods = routeMethods(type.get(), name, arity);
      if (!methods.isEmpty()) {
        return callInto(methods.get(0), type.get(), call, env, at);
      }
    }
    boolean a = walk(receiver, env, at);
    boolean b = walkAll(call.getArguments(), env, at);
    return a || b;
  }

  private boolean callInto(
      MethodDeclaration method,
      ClassOrInterfaceDeclaration type,
      MethodCallExpr call,
      Env env,
      Where at) {
    return walkBody(method, new Env(type, bind(method, call, env)), at);
  }

  /** A method's parameters bound to a call's arguments, as written where the call is. */
  private static Map<String, Bound> bind(MethodDeclaration method, MethodCallExpr call, Env env) {
    Map<String, Bound> params = new HashMap<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      params.put(method.getParameter(i).getNameAsString(), new Bound(call.getArgument(i), env));
    }
    return params;
  }

  private boolean walkBody(MethodDeclaration method, Env env, Where at) {
    return method.getBody().map(b -> walkReturns(b, env, at)).orElse(false);
  }

  /** The expressions a block returns (its own, not those of lambdas inside it). */
  private boolean walkReturns(BlockStmt block, Env env, Where at) {
    boolean any = false;
    for (ReturnStmt r : block.findAll(ReturnStmt.class)) {
      if (owner(r) == block.getParentNode().orElse(null) && r.getExpression().isPresent()) {
        any |= walk(r.getExpression().get(), env, at);
      }
    }
    return any;
  }

  /** The lambda or method a statement belongs to. */
  private static Node owner(Node n) {
    Node at = n;
    while (at.getParentNode().isPresent()) {
      at = at.getParentNode().get();
      if (at instanceof LambdaExpr || at instanceof CallableDeclaration<?>) {
        return at;
      }
    }
    return null;
  }

  private boolean pathDirective(MethodCallExpr call, Env env, Where at) {
    reached.add(call);
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    Expression inner = args.get(args.size() - 1);
    Where next;
    switch (name) {
      case "pathEnd", "pathEndOrSingleSlash" -> next = at.then(List.of(), true);
      case "pathSingleSlash" -> next = at.then(List.of(), true);
      default -> {
        // path(matcher, inner), or path(inner) with inner taking the one extracted segment.
        List<String> segments = args.size() == 1 ? List.of("{}") : matcher(args.get(0), env);
        next = at.then(segments, name.equals("path"));
      }
    }
    if (!next.complete()) {
      return walk(inner, env, next);
    }
    if (next.method() != null) {
      walk(inner, env, next);
      return emit(next.method(), next);
    }
    boolean any = walk(inner, env, next);
    return any || emit("*", next);
  }

  private boolean methodDirective(MethodCallExpr call, Env env, Where at) {
    String method = call.getNameAsString().toUpperCase(java.util.Locale.ROOT);
    Where next = new Where(at.segments(), at.complete(), method);
    if (at.complete()) {
      walk(call.getArgument(0), env, next);
      return emit(method, next);
    }
    return walk(call.getArgument(0), env, next);
  }

  private boolean emit(String method, Where at) {
    if ("unreachable".equals(at.method())) {
      return false;
    }
    endpoints.add(new Endpoint(method, at.path()));
    return true;
  }

  /** The segments a path matcher matches: literals, and {@code {}} for each extracted one. */
  private List<String> matcher(Expression e, Env env) {
    if (e instanceof MethodCallExpr call) {
      String name = call.getNameAsString();
      boolean fromPathMatchers =
          call.getScope().map(s -> s.toString().equals("PathMatchers")).orElse(true);
      if (name.equals("slash") && call.getScope().isPresent() && call.getArguments().size() == 1) {
        List<String> all = new ArrayList<>(matcher(call.getScope().get(), env));
        all.addAll(matcher(call.getArgument(0), env));
        return all;
      }
      Optional<MethodDeclaration> helper = matcherHelper(call, env);
      if (helper.isPresent()) {
        Expression returned =
            helper
                .get()
                .findFirst(ReturnStmt.class)
                .flatMap(ReturnStmt::getExpression)
                .orElseThrow();
        return matcher(returned, env.with(bind(helper.get(), call, env)));
      }
      if (fromPathMatchers && EXTRACTING_MATCHERS.contains(name)) {
        return call.getArguments().isEmpty()
            ? List.of("{}")
            : List.of(string(call.getArgument(0), env));
      }
      throw new IllegalStateException(
          "the route scanner does not read the path matcher " + e + " at " + position(e));
    }
    return List.of(string(e, env));
  }

  /**
   * The class's own helper that builds a path matcher in one {@code return} ({@code pair("metrics",
   * "record")}).
   */
  private static Optional<MethodDeclaration> matcherHelper(MethodCallExpr call, Env env) {
    if (call.getScope().isPresent()) {
      return Optional.empty();
    }
    List<MethodDeclaration> helpers =
        env.type().getMethodsByName(call.getNameAsString()).stream()
            .filter(m -> m.getType().asString().startsWith("PathMatcher"))
            .filter(m -> m.getParameters().size() == call.getArguments().size())
            .filter(m -> m.getBody().map(b -> b.findAll(ReturnStmt.class).size()).orElse(0) == 1)
            .toList();
    return helpers.size() == 1 ? Optional.of(helpers.get(0)) : Optional.empty();
  }

  /**
   * Path aliases ({@code OvosAliases}): {@code extractUnmatchedPath} looks the rest of the path up
   * in the class's alias table and {@code mapUnmatchedPath} hands the request to the routes it
   * wraps with the successor's path. The table is read from the class: each {@code static final
   * Map.of("/alias", "/successor", ...)}, and each {@code static final
   * Pattern.compile("/a/([^/]+)/b")} with the one {@code "/successor/" + m.group(1)} the class
   * builds. An alias serves the methods its successor serves; one whose successor is no route
   * fails.
   */
  private boolean aliases(MethodCallExpr extract, Env env, Where at) {
    reached.add(extract);
    List<MethodCallExpr> rewrites =
        extract.findAll(MethodCallExpr.class).stream()
            .filter(c -> c.getNameAsString().equals("mapUnmatchedPath"))
            .toList();
    if (rewrites.size() != 1 || rewrites.get(0).getArguments().size() != 2) {
      throw new IllegalStateException(
          "the route scanner reads extractUnmatchedPath only as an alias table with one"
              + " mapUnmatchedPath (at "
              + position(extract)
              + ")");
    }
    MethodCallExpr rewrite = rewrites.get(0);
    reached.add(rewrite);
    Set<Endpoint> outer = endpoints;
    Set<Endpoint> successors = new TreeSet<>();
    endpoints = successors;
    try {
      walk(rewrite.getArgument(1), env, Where.ROOT);
    } finally {
      endpoints = outer;
    }
    boolean any = false;
    for (Map.Entry<String, String> alias : aliasTable(env.type()).entrySet()) {
      List<Endpoint> served =
          successors.stream().filter(e -> e.path().equals(alias.getValue())).toList();
      if (served.isEmpty()) {
        throw new IllegalStateException(
            "alias " + alias.getKey() + " names no route " + alias.getValue());
      }
      Where aliased = at.then(List.of(alias.getKey().substring(1).split("/")), true);
      for (Endpoint e : served) {
        any |= emit(e.method(), aliased);
      }
    }
    return any;
  }

  /** Alias path → successor path, both with {@code {}} for an extracted segment. */
  private static Map<String, String> aliasTable(ClassOrInterfaceDeclaration type) {
    Map<String, String> table = new java.util.LinkedHashMap<>();
    List<String> patterns = new ArrayList<>();
    for (FieldDeclaration f : type.getFields()) {
      if (!f.isStatic() || !f.isFinal()) {
        continue;
      }
      for (VariableDeclarator v : f.getVariables()) {
        if (!(v.getInitializer().orElse(null) instanceof MethodCallExpr init)) {
          continue;
        }
        String call =
            init.getScope().map(Object::toString).orElse("") + "." + init.getNameAsString();
        List<Expression> args = init.getArguments();
        if (call.equals("Map.of")) {
          for (int i = 0; i + 1 < args.size(); i += 2) {
            table.put(literal(args.get(i)), literal(args.get(i + 1)));
          }
        } else if (call.equals("Pattern.compile") && args.size() == 1) {
          patterns.add(literal(args.get(0)));
        }
      }
    }
    if (!patterns.isEmpty()) {
      List<String> built =
          type.findAll(com.github.javaparser.ast.expr.BinaryExpr.class).stream()
              .filter(b -> b.getLeft() instanceof StringLiteralExpr)
              .filter(
                  b ->
                      b.getRight() instanceof MethodCallExpr g
                          && g.getNameAsString().equals("group"))
              .map(b -> literal(b.getLeft()) + "{}")
              .toList();
      if (patterns.size() != 1 || built.size() != 1) {
        throw new IllegalStateException(
            "the route scanner reads one alias pattern with one successor in " + type.getName());
      }
      String alias = patterns.get(0).replace("([^/]+)", "{}");
      if (!alias.matches("[/\\w{}-]+")) {
        throw new IllegalStateException("the route scanner cannot read the alias " + alias);
      }
      table.put(alias, built.get(0));
    }
    return table;
  }

  private static String literal(Expression e) {
    if (e instanceof StringLiteralExpr s) {
      return s.asString();
    }
    throw new IllegalStateException("not a literal: " + e + " at " + position(e));
  }

  private String string(Expression e, Env env) {
    if (e instanceof StringLiteralExpr literal) {
      return literal.asString();
    }
    if (e instanceof NameExpr name) {
      Bound bound = env.names().get(name.getNameAsString());
      if (bound != null && bound.expression() != null) {
        return string(bound.expression(), bound.env());
      }
      Optional<VariableDeclarator> constant =
          field(env.type(), name.getNameAsString())
              .filter(f -> f.isStatic() && f.isFinal())
              .flatMap(f -> variable(f, name.getNameAsString()));
      if (constant.isPresent() && constant.get().getInitializer().isPresent()) {
        return string(constant.get().getInitializer().get(), env);
      }
    }
    throw new IllegalStateException(
        "the route scanner cannot tell the path segment " + e + " at " + position(e));
  }

  /** Methods of {@code type} called {@code name} that return a {@code Route} ({@code -1}: any). */
  private static List<MethodDeclaration> routeMethods(
      ClassOrInterfaceDeclaration type, String name, int arity) {
    return type.getMethodsByName(name).stream()
        .filter(m -> m.getType().asString().equals("Route"))
        .filter(m -> arity < 0 || m.getParameters().size() == arity)
        .toList();
  }

  /** The source class an expression's value belongs to, where the sources tell. */
  private Optional<ClassOrInterfaceDeclaration> typeOf(Expression e, Env env) {
    if (e instanceof ObjectCreationExpr creation) {
      return sourceClass(creation.getType());
    }
    if (e instanceof EnclosedExpr enclosed) {
      return typeOf(enclosed.getInner(), env);
    }
    if (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
      // A static factory, e.g. PlantRoutes.create(...): its declared return type.
      Optional<ClassOrInterfaceDeclaration> owner = typeOf(call.getScope().get(), env);
      return owner.flatMap(
          o ->
              o.getMethodsByName(call.getNameAsString()).stream()
                  .findFirst()
                  .flatMap(m -> sourceClass(m.getType())));
    }
    if (e instanceof NameExpr name) {
      return typeOfName(name.getNameAsString(), name, env);
    }
    if (e instanceof TypeExpr type) {
      // "x::routes" parses as a type when x is a simple name; it may be a variable.
      return typeOfName(type.getType().asString(), type, env);
    }
    return Optional.empty();
  }

  private Optional<ClassOrInterfaceDeclaration> typeOfName(String id, Node at, Env env) {
    Bound bound = env.names().get(id);
    if (bound != null) {
      return bound.expression() == null
          ? Optional.empty()
          : typeOf(bound.expression(), bound.env());
    }
    Optional<VariableDeclarator> local = localVariable(id, at);
    if (local.isPresent()) {
      VariableDeclarator v = local.get();
      if (!v.getType().isVarType()) {
        return sourceClass(v.getType());
      }
      return v.getInitializer().flatMap(i -> typeOf(i, env));
    }
    Optional<FieldDeclaration> field = field(env.type(), id);
    if (field.isPresent()) {
      return sourceClass(field.get().getElementType());
    }
    return Optional.ofNullable(classes.get(id)).filter(l -> l.size() == 1).map(l -> l.get(0));
  }

  private Optional<ClassOrInterfaceDeclaration> sourceClass(Type type) {
    if (!type.isClassOrInterfaceType()) {
      return Optional.empty();
    }
    String name = type.asClassOrInterfaceType().getNameAsString();
    List<ClassOrInterfaceDeclaration> found = classes.get(name);
    if (found == null) {
      return Optional.empty();
    }
    if (found.size() > 1) {
      throw new IllegalStateException("two source classes are called " + name);
    }
    return Optional.of(found.get(0));
  }

  private static Optional<FieldDeclaration> field(ClassOrInterfaceDeclaration type, String name) {
    return type.getFields().stream().filter(f -> variable(f, name).isPresent()).findFirst();
  }

  private static Optional<VariableDeclarator> variable(FieldDeclaration f, String name) {
    return f.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst();
  }

  /** The local variable a name refers to: declared in a block that encloses the name. */
  private static Optional<VariableDeclarator> localVariable(String id, Node at) {
    Node node = at;
    while (node.getParentNode().isPresent()) {
      node = node.getParentNode().get();
      if (node instanceof TypeDeclaration<?>) {
        return Optional.empty();
      }
      if (node instanceof BlockStmt block) {
        Optional<VariableDeclarator> found =
            block.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(id))
                .filter(v -> v.findAncestor(BlockStmt.class).orElse(null) == block)
                .findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private ClassOrInterfaceDeclaration onlyClass(String name) {
    List<ClassOrInterfaceDeclaration> found = classes.getOrDefault(name, List.of());
    if (found.size() != 1) {
      throw new IllegalStateException("expected one source class " + name + ", found " + found);
    }
    return found.get(0);
  }

  /** Whether a call without receiver calls a method of its own class (a helper named path). */
  private static boolean ownMethod(MethodCallExpr call) {
    return call.getScope().isEmpty()
        && call.findAncestor(ClassOrInterfaceDeclaration.class)
            .map(
                c ->
                    c.getMethodsByName(call.getNameAsString()).stream()
                        .anyMatch(m -> m.getParameters().size() == call.getArguments().size()))
            .orElse(false);
  }

  /** A receiver through which a directive can be called. */
  private static boolean directivesScope(Expression scope) {
    return scope instanceof ThisExpr || scope.toString().endsWith("Directives");
  }

  private static String position(Node n) {
    String file =
        n.findCompilationUnit()
            .flatMap(CompilationUnit::getStorage)
            .map(s -> s.getFileName())
            .orElse("?");
    return file + ":" + n.getBegin().map(p -> p.line).orElse(-1);
  }
}
