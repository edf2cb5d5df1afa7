# Reference data for grouprep's tests, written by GAP as one JSON object per line.
# Read by generate.py, which calls WriteGroupRecord(out, name, G) for every group.

JsonList := function(list)
  return Concatenation("[", JoinStringsWithSeparator(list, ","), "]");
end;

JsonInts := list -> JsonList(List(list, String));

JsonString := s -> Concatenation("\"", s, "\"");

JsonRational := function(q)
  if IsInt(q) then
    return String(q);
  fi;
  return JsonString(String(q));
end;

# A permutation of the moved points pts as its 0-based image list on 0 .. Length(pts)-1.
JsonPerm := function(p, pts)
  return JsonInts(List(pts, x -> Position(pts, x ^ p) - 1));
end;

# A cyclotomic z of the field Q(E(N)) as the pairs [k, c] with z = Sum c * E(N)^k,
# c the nonzero coefficients of CoeffsCyc(z, N) (GAP's Zumbroich basis).
JsonCyclotomic := function(z, N)
  local coeffs, pairs, k;
  coeffs := CoeffsCyc(z, N);
  pairs := [];
  for k in [1 .. Length(coeffs)] do
    if coeffs[k] <> 0 then
      Add(pairs, Concatenation("[", String(k - 1), ",", JsonRational(coeffs[k]), "]"));
    fi;
  od;
  return JsonList(pairs);
end;

# A faithful permutation group isomorphic to G, on few points with few generators.
# Image(hom, G), not Image(hom): the nice monomorphism of a subgroup (SL(2,3) of GL(2,3))
# may be defined on the whole parent group.
SmallPermGroup := function(G)
  local P, Q;
  P := Image(IsomorphismPermGroup(G), G);
  P := Image(SmallerDegreePermutationRepresentation(P), P);
  Q := Group(SmallGeneratingSet(P), One(P));
  if Size(Q) <> Size(G) then
    Error("SmallPermGroup: the permutation group has order ", Size(Q), ", not ", Size(G));
  fi;
  return Q;
end;

WriteGroupRecord := function(out, name, G)
  local start, pts, tbl, classes, irr, N, id, fields, seconds;
  start := Runtime();
  pts := MovedPoints(G);
  if pts = [] then
    pts := [1];
  fi;
  tbl := CharacterTable(G);
  classes := ConjugacyClasses(tbl);
  irr := Irr(tbl);
  N := Conductor(Flat(List(irr, ValuesOfClassFunction)));
  if IdGroupsAvailable(Size(G)) then
    id := JsonInts(IdGroup(G));
  else
    id := "null";
  fi;
  fields := [
    Concatenation("\"name\":", JsonString(name)),
    Concatenation("\"order\":", String(Size(G))),
    Concatenation("\"id\":", id),
    Concatenation("\"degree\":", String(Length(pts))),
    Concatenation("\"generators\":",
                  JsonList(List(GeneratorsOfGroup(G), g -> JsonPerm(g, pts)))),
    Concatenation("\"class_sizes\":", JsonInts(SizesConjugacyClasses(tbl))),
    Concatenation("\"class_representatives\":",
                  JsonList(List(classes, c -> JsonPerm(Representative(c), pts)))),
    Concatenation("\"element_orders\":", JsonInts(OrdersClassRepresentatives(tbl))),
    Concatenation("\"conductor\":", String(N)),
    Concatenation("\"characters\":",
                  JsonList(List(irr, chi -> JsonList(List(ValuesOfClassFunction(chi),
                                                          z -> JsonCyclotomic(z, N)))))),
    Concatenation("\"indicators\":", JsonInts(Indicator(tbl, 2))),
    Concatenation("\"power_map_2\":", JsonInts(PowerMap(tbl, 2) - 1)),
    Concatenation("\"power_map_3\":", JsonInts(PowerMap(tbl, 3) - 1))
  ];
  seconds := (Runtime() - start) / 1000.0;
  Add(fields, Concatenation("\"gap_seconds\":", String(seconds)));
  AppendTo(out, "{", JoinStringsWithSeparator(fields, ","), "}\n");
end;
